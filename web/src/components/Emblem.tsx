/** A plain star mark (not the national emblem, whose use is regulated). */
export function Emblem() {
  return (
    <svg className="emblem" viewBox="0 0 64 64" width="48" height="48" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#c8102e" stroke="#f6c945" strokeWidth="3" />
      <path
        fill="#f6c945"
        d="M32 12l5.9 18.1H57l-15.4 11.2 5.9 18.1L32 48.2 16.5 59.4l5.9-18.1L7 30.1h19.1z"
        transform="translate(0 -3) scale(1 0.95)"
      />
    </svg>
  );
}
