import type { Db, Executor } from '../db/database';
import { addDays, formatVietnamTime, instantAt, localDayAndTime } from '../modules/calendar/dates';
import { isWorkingDay } from '../modules/calendar/rules';
import { computeDueAt, loadWorkCalendar } from '../modules/calendar/service';
import { vietnamDay } from '../modules/dossiers/rules';
import { loadSettings } from '../modules/feedback/settings';
import type { ComplaintStatus } from '../modules/feedback/rules';
import { seededRandom } from './generator/random';

const HA_LONG = '000.20.01.H40';
const CENTER = '000.00.01.H40';
const HOUR = 60 * 60_000;

/** Who acts on the demo complaints of each agency: the desk, the assignee, the leader who assigns and publishes. */
const STAFF: Record<string, { desk: string; assignee: string; leader: string }> = {
  [HA_LONG]: { desk: 'reception', assignee: 'specialist', leader: 'leader' },
  [CENTER]: { desk: 'u0001.mc1', assignee: 'u0001.mc1', leader: 'u0001.lanhdao' },
};

type DemoComplaint = {
  agency: string;
  kind: 'complaint' | 'suggestion';
  channel: 'portal' | 'desk';
  status: ComplaintStatus;
  /** Working days before now it was received, answered and published. */
  ago: number;
  answeredAgo?: number;
  publishedAgo?: number;
  title: string;
  content: string;
  answer?: string;
  contact: { fullName: string; phone: string | null; email: string | null };
};

/** Fictitious senders: the numbers are not in service and the addresses are on the reserved example.com. */
const COMPLAINTS: DemoComplaint[] = [
  {
    agency: HA_LONG,
    kind: 'complaint',
    channel: 'portal',
    status: 'published',
    ago: 18,
    answeredAgo: 12,
    publishedAgo: 11,
    title: 'Chậm trả kết quả cấp bản sao trích lục khai sinh',
    content:
      'Tôi nộp hồ sơ cấp bản sao trích lục khai sinh tại Bộ phận Một cửa phường, giấy hẹn trả kết quả sau 1 ngày làm việc nhưng đến ngày hẹn vẫn chưa có kết quả và không được thông báo lý do. Đề nghị phường kiểm tra, trả lời.',
    answer:
      'UBND phường Hạ Long đã kiểm tra: hồ sơ bị chậm do cơ sở dữ liệu hộ tịch điện tử gián đoạn trong ngày. Bộ phận Một cửa đã gửi thư xin lỗi và trả kết quả vào sáng hôm sau. Phường đã chấn chỉnh việc thông báo cho người dân ngay khi hồ sơ có khả năng trễ hẹn.',
    contact: { fullName: 'Nguyễn Thị Hoa', phone: '0900000101', email: null },
  },
  {
    agency: HA_LONG,
    kind: 'suggestion',
    channel: 'desk',
    status: 'published',
    ago: 25,
    answeredAgo: 19,
    publishedAgo: 18,
    title: 'Đề nghị bố trí thêm ghế chờ tại Bộ phận Một cửa',
    content:
      'Vào các buổi sáng đầu tuần, khu vực chờ của Bộ phận Một cửa rất đông, nhiều người cao tuổi phải đứng chờ. Đề nghị phường bố trí thêm ghế ngồi và nước uống.',
    answer:
      'Phường tiếp thu kiến nghị. Từ đầu tháng, khu vực chờ đã được bổ sung 20 ghế ngồi, cây nước uống và một máy lấy số thứ tự; người cao tuổi, người khuyết tật được ưu tiên tiếp nhận trước.',
    contact: { fullName: 'Trần Văn Bình', phone: '0900000102', email: null },
  },
  {
    agency: HA_LONG,
    kind: 'complaint',
    channel: 'portal',
    status: 'answered',
    ago: 9,
    answeredAgo: 2,
    title: 'Hướng dẫn hồ sơ đăng ký kết hôn chưa đầy đủ',
    content:
      'Lần đầu đến nộp hồ sơ đăng ký kết hôn, tôi không được hướng dẫn phải có giấy xác nhận tình trạng hôn nhân nên phải đi lại hai lần. Đề nghị cán bộ hướng dẫn đầy đủ ngay từ đầu.',
    answer:
      'Phường ghi nhận và xin lỗi ông/bà. Thành phần hồ sơ đăng ký kết hôn đã được niêm yết đầy đủ tại quầy và trên Cổng dịch vụ công; cán bộ tiếp nhận đã được nhắc nhở hướng dẫn một lần, đầy đủ.',
    contact: { fullName: 'Lê Thị Mai', phone: null, email: 'le.thi.mai@example.com' },
  },
  {
    agency: HA_LONG,
    kind: 'complaint',
    channel: 'portal',
    status: 'assigned',
    ago: 12,
    title: 'Chưa nhận được kết quả chứng thực gửi qua bưu chính',
    content:
      'Tôi đăng ký nhận kết quả chứng thực bản sao qua dịch vụ bưu chính công ích, đã quá ngày hẹn một tuần nhưng chưa nhận được. Đề nghị phường kiểm tra giúp.',
    contact: { fullName: 'Phạm Văn Dũng', phone: '0900000104', email: null },
  },
  {
    agency: HA_LONG,
    kind: 'suggestion',
    channel: 'portal',
    status: 'assigned',
    ago: 4,
    title: 'Đề nghị mở quầy tiếp nhận vào sáng thứ Bảy',
    content:
      'Người lao động khó sắp xếp thời gian trong giờ hành chính. Đề nghị Bộ phận Một cửa tiếp nhận và trả kết quả vào sáng thứ Bảy hằng tuần.',
    contact: { fullName: 'Vũ Thị Lan', phone: null, email: 'vu.lan@example.com' },
  },
  {
    agency: HA_LONG,
    kind: 'complaint',
    channel: 'desk',
    status: 'received',
    ago: 1,
    title: 'Yêu cầu nộp thêm bản sao căn cước ngoài quy định',
    content:
      'Khi nộp hồ sơ đăng ký thường trú, tôi được yêu cầu nộp thêm bản sao thẻ căn cước dù đã xuất trình bản chính. Đề nghị làm rõ giấy tờ này có trong quy định hay không.',
    contact: { fullName: 'Đặng Văn Hải', phone: '0900000106', email: null },
  },
  {
    agency: HA_LONG,
    kind: 'suggestion',
    channel: 'portal',
    status: 'received',
    ago: 0,
    title: 'Đề nghị cho phép nộp lệ phí bằng mã QR',
    content:
      'Đề nghị Bộ phận Một cửa phường nhận nộp phí, lệ phí bằng chuyển khoản qua mã QR để người dân không phải mang tiền mặt.',
    contact: { fullName: 'Bùi Thị Thu', phone: '0900000107', email: 'bui.thu@example.com' },
  },
  {
    agency: CENTER,
    kind: 'complaint',
    channel: 'portal',
    status: 'published',
    ago: 20,
    answeredAgo: 14,
    publishedAgo: 13,
    title: 'Thời gian chờ tại quầy tiếp nhận chung quá lâu',
    content:
      'Tôi đến Trung tâm lúc 8 giờ sáng nhưng đến hơn 10 giờ mới được tiếp nhận hồ sơ, trong khi nhiều quầy không có cán bộ. Đề nghị Trung tâm bố trí đủ cán bộ vào giờ cao điểm.',
    answer:
      'Trung tâm Phục vụ hành chính công tỉnh ghi nhận phản ánh. Từ tuần sau, các sở, ngành bố trí thêm cán bộ tại quầy vào buổi sáng thứ Hai và thứ Sáu; người dân có thể đặt lịch hẹn trước trên Cổng dịch vụ công để không phải chờ.',
    contact: { fullName: 'Ngô Văn Tuấn', phone: '0900000108', email: null },
  },
  {
    agency: CENTER,
    kind: 'suggestion',
    channel: 'desk',
    status: 'published',
    ago: 30,
    answeredAgo: 22,
    publishedAgo: 21,
    title: 'Đề nghị hỗ trợ người cao tuổi nộp hồ sơ trực tuyến',
    content:
      'Nhiều người cao tuổi không biết sử dụng Cổng dịch vụ công. Đề nghị Trung tâm bố trí người hướng dẫn và máy tính để người dân tự nộp hồ sơ trực tuyến có hỗ trợ.',
    answer:
      'Trung tâm tiếp thu kiến nghị: khu vực hỗ trợ nộp hồ sơ trực tuyến với 4 máy tính và đoàn viên thanh niên hướng dẫn đã hoạt động trong giờ hành chính các ngày làm việc.',
    contact: { fullName: 'Dương Thị Yến', phone: '0900000109', email: null },
  },
  {
    agency: CENTER,
    kind: 'complaint',
    channel: 'portal',
    status: 'answered',
    ago: 7,
    answeredAgo: 3,
    title: 'Máy lấy số thứ tự tự động không hoạt động',
    content:
      'Sáng nay máy lấy số thứ tự ở sảnh Trung tâm không in được phiếu, người dân phải tự xếp hàng, gây lộn xộn.',
    answer:
      'Trung tâm đã thay máy in phiếu của hệ thống xếp hàng tự động trong ngày; trong thời gian sửa chữa, cán bộ tại sảnh phát phiếu số viết tay.',
    contact: { fullName: 'Lý Văn Sơn', phone: null, email: 'ly.son@example.com' },
  },
  {
    agency: CENTER,
    kind: 'suggestion',
    channel: 'portal',
    status: 'assigned',
    ago: 3,
    title: 'Đề nghị nhắn tin khi hồ sơ có kết quả',
    content:
      'Đề nghị Trung tâm gửi tin nhắn hoặc thư điện tử cho người nộp khi hồ sơ đã có kết quả để không phải đến hỏi nhiều lần.',
    contact: { fullName: 'Hoàng Thị Ngọc', phone: '0900000111', email: null },
  },
  {
    agency: CENTER,
    kind: 'complaint',
    channel: 'portal',
    status: 'received',
    ago: 1,
    title: 'Không gọi được đường dây nóng của Trung tâm',
    content:
      'Tôi gọi số đường dây nóng niêm yết trên Cổng dịch vụ công nhiều lần trong giờ hành chính nhưng không có người nghe máy.',
    contact: { fullName: 'Đỗ Văn Khánh', phone: '0900000112', email: null },
  },
];

/** The `k`-th working day before `now`'s day (0: today) at `hour` Vietnam time. */
export function workingDayBefore(isWorking: (day: string) => boolean, now: Date, k: number, hour: number): Date {
  let day = vietnamDay(now);
  for (let n = 0; n < k;) {
    day = addDays(day, -1);
    if (isWorking(day)) n += 1;
  }
  return instantAt(day, hour * HOUR);
}

async function userIds(db: Executor, usernames: string[]): Promise<Map<string, number>> {
  const rows = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).execute();
  return new Map(rows.map((r) => [r.username, r.id]));
}

/**
 * The demo's complaints and suggestions (phản ánh, kiến nghị) at UBND phường Hạ Long and the provincial
 * service center, in every status, with the audit trail the complaint services would have written
 * (their history), so the complaint desk and the public answers open on something. Deterministic but
 * for the times, which follow `now`.
 */
export async function seedDemoComplaints(db: Db, now: Date): Promise<number> {
  const rng = seededRandom(2028);
  await db.transaction().execute(async (tx) => {
    const { complaintDeadlineDays } = await loadSettings(tx);
    const agencies = await tx
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', 'in', [HA_LONG, CENTER])
      .execute();
    const users = await userIds(
      tx,
      Object.values(STAFF).flatMap((s) => [s.desk, s.assignee, s.leader]),
    );
    for (const [i, c] of COMPLAINTS.entries()) {
      const agency = agencies.find((a) => a.code === c.agency)!;
      const staff = STAFF[c.agency];
      const cal = await loadWorkCalendar(tx, agency.id);
      const before = (k: number, hour: number) => workingDayBefore((d) => isWorkingDay(cal, d), now, k, hour);
      const received = new Date(before(c.ago, 8).getTime() + rng.int(0, 7 * 60) * 60_000 + i * 1000);
      const receivedAt = received > now ? new Date(now.getTime() - (COMPLAINTS.length - i) * 60_000) : received;
      const assignedAt = new Date(receivedAt.getTime() + rng.int(30, 150) * 60_000);
      const answeredAt = c.answeredAgo === undefined ? null : before(c.answeredAgo, 14);
      const publishedAt = c.publishedAgo === undefined ? null : before(c.publishedAgo, 9);
      const dueAt = await computeDueAt(tx, {
        agencyId: agency.id,
        from: receivedAt,
        value: complaintDeadlineDays,
        unit: 'working_days',
      });
      const hex = Array.from({ length: 6 }, () => '0123456789ABCDEF'[rng.int(0, 15)]).join('');
      const code = `PA-${localDayAndTime(receivedAt).date.slice(2).replaceAll('-', '')}-${hex}`;
      const assigned = c.status !== 'received';
      const receivedBy = c.channel === 'desk' ? users.get(staff.desk)! : null;
      const assignee = assigned ? users.get(staff.assignee)! : null;
      const leader = users.get(staff.leader)!;
      await tx
        .insertInto('complaints')
        .values({
          code,
          agency_id: agency.id,
          kind: c.kind,
          title: c.title,
          content: c.content,
          dossier_code: null,
          contact_name: c.contact.fullName,
          contact_phone: c.contact.phone,
          contact_email: c.contact.email,
          channel: c.channel,
          status: c.status,
          received_at: receivedAt,
          received_by: receivedBy,
          due_at: dueAt,
          assignee_id: assignee,
          assigned_at: assigned ? assignedAt : null,
          answer: answeredAt ? c.answer! : null,
          answered_at: answeredAt,
          answered_by: answeredAt ? assignee : null,
          public_title: publishedAt ? c.title : null,
          public_content: publishedAt ? c.content : null,
          published_at: publishedAt,
        })
        .execute();
      // The history, as the services audit it (no contact data).
      const trail = [
        {
          at: receivedAt,
          actor_user_id: receivedBy,
          action: 'complaint.receive',
          data: { kind: c.kind, channel: c.channel, dueAt: formatVietnamTime(dueAt) },
        },
        ...(assigned
          ? [
              {
                at: assignedAt,
                actor_user_id: leader,
                action: 'complaint.assign',
                data: { from: 'received', to: 'assigned', assignee: staff.assignee },
              },
            ]
          : []),
        ...(answeredAt
          ? [
              {
                at: answeredAt,
                actor_user_id: assignee,
                action: 'complaint.answer',
                data: { from: 'assigned', to: 'answered', overdue: answeredAt > dueAt },
              },
            ]
          : []),
        ...(publishedAt
          ? [
              {
                at: publishedAt,
                actor_user_id: leader,
                action: 'complaint.publish',
                data: { from: 'answered', to: 'published', edited: false },
              },
            ]
          : []),
      ];
      await tx
        .insertInto('audit_log')
        .values(
          trail.map((t) => ({
            ...t,
            entity_type: 'complaint',
            entity_id: code,
            agency_id: agency.id,
            data: JSON.stringify(t.data),
          })),
        )
        .execute();
    }
  });
  return COMPLAINTS.length;
}
