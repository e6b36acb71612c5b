export function App() {
  return (
    <main>
      <h1>Hệ thống một cửa điện tử</h1>
      <p>One-stop-shop for administrative procedures</p>
    </main>
  );
}
