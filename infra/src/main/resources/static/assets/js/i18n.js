// Japanese first, English on request (the switch in the header; kept in localStorage).

const KEY = 'casebook.lang';

export function lang() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'ja';
}

export function setLang(value) {
  localStorage.setItem(KEY, value === 'en' ? 'en' : 'ja');
  document.documentElement.lang = lang();
}

const TEXT = {
  ja: {
    appName: 'Casebook', division: '地域包括ケア推進課', skip: '本文へ移動',
    signIn: 'サインイン', signOut: 'サインアウト', userName: 'ユーザー名', password: 'パスワード',
    signInIntro: '地方厚生(支)局 地域包括ケア推進課の案件管理です。',
    demoUsers: 'デモ利用者（パスワードはすべて demo）',
    signInRefused: 'サインインできませんでした。Casebook の役割（担当者・課長補佐・監査・管理者）と所属厚生局が ID に登録されているか、管理者に確認してください。',
    orWithPassword: 'またはユーザー名とパスワードで',
    home: 'ホーム', matrix: '進捗表', engagements: '伴走支援', grants: '交付案件', deadlines: '期限一覧',
    audit: '監査', admin: '管理', switchLang: 'English',
    bureau: '厚生局', fiscalYear: '年度', programme: '事業', status: '状況', municipality: '市町村',
    show: '表示', loading: '読み込み中…', none: 'ありません', save: '登録', cancel: 'キャンセル', close: '閉じる',
    required: '必須', optional: '任意', errorsTitle: '入力内容を確認してください', saved: '登録しました',
    conflict: 'この案件は他の利用者が更新しました。画面を再読み込みしてから、もう一度登録してください（入力内容は残っています）。',
    forbidden: 'この操作の権限がありません。', notFound: '見つかりません。', serverError: 'サーバーでエラーが起きました。時間をおいてもう一度お試しください。',
    networkError: 'サーバーに接続できません。',
    weekAhead: '今週の予定', overdue: '期限超過', openHomework: '未完了の宿題', pendingApprovals: '決裁待ち（交付決定）',
    deadlinesThisWeek: '今週の交付事務の期限', overdueMilestones: '予定日を過ぎた未開催の会議・訪問',
    overdueGrantSteps: '期限を過ぎた交付事務', live: 'ライブ更新中', liveOff: 'ライブ更新停止（再接続中）',
    sameDay: '同日', sameDayTitle: '同じ日の予定', daysWithSeveral: '複数の案件が重なる日',
    legend: '凡例', planned: '予定', held: '実施済', notPlanned: '未定', cancelled: '中止', skipped: 'スキップ',
    planTab: '予定・日程変更', heldTab: '開催を記録', cancelTab: '中止', skipTab: 'スキップ（課長）',
    plannedOn: '予定日', plannedPeriod: '時期（日未定）', heldOn: '開催日', startTime: '開始', endTime: '終了',
    mode: '形式', place: '場所', participants: '参加者', agenda: '議題（1行に1つ）', summary: '概要', reason: '理由',
    orPeriod: 'または時期', year: '年', month: '月', part: '旬',
    openCase: '案件を開く', timeline: 'タイムライン', asOf: '時点', asOfRecorded: '記録時点', asOfOccurred: '業務日時点',
    verify: '改ざん検査', exportCsv: 'CSV出力', seq: '番号', type: '種類', occurredOn: '業務日', recordedAt: '記録日時',
    actor: '記録者', changes: '変更点', hash: 'ハッシュ', lateEntry: '後日記録', corrected: '訂正あり', corrects: '訂正対象',
    stateAsOf: 'この時点の案件', eventsApplied: '件の記録を反映', latest: '最新', verifyOk: '検査結果: 改ざんはありません',
    verifyFailed: '検査結果: 問題があります', caseId: '案件ID', header: '概要', themes: 'テーマ', advisors: 'アドバイザー',
    milestones: 'マイルストーン', decisions: '決定事項', homework: '宿題', findings: '所見', outputs: '成果物',
    actions: '操作', worklist: '交付案件一覧', waitingFor: '次の手続', procedures: '手続', amountTrail: '金額の推移',
    step: '手続段階', on: '日付', amount: '金額（円）', noticeNo: '文書番号', documents: '添付書類（1行に1つ）', note: '備考',
    recordStep: '段階を記録', newProcedure: '手続を追加', newEngagement: '伴走支援を登録', newGrantCase: '交付案件を登録',
    grantType: '交付金', recipient: '交付先', targetFiscalYear: '対象年度', from: '開始日', to: '終了日',
    dueBy: '期限', recorded: '記録済', noticeOfVersion: '版', version: '版', readOnly: '閲覧のみ（変更はできません）',
    auditPick: '監査する案件', pickHint: '案件を選ぶか、案件IDを入力してください。', go: '開く',
    adminIntro: '管理者の画面：API、メトリクス、全記録のエクスポート。案件の中身は見られません。',
    apiDocs: 'API 仕様 (OpenAPI)', metrics: 'メトリクス (Prometheus)', exportAll: '全イベントのエクスポート (NDJSON)',
    role_CASE_OFFICER: '担当者', role_SUPERVISOR: '課長・課長補佐', role_AUDITOR: '監査', role_ADMIN: '管理者',
    gregorianHint: '日付にポインタを重ねると西暦が表示されます。', nextMilestone: '次の予定', detail: '詳細',
    cellHelp: 'セルを選ぶと、その会議・訪問の予定、開催記録、中止を登録できます。',
    noRows: 'この条件の案件はありません。', recordOf: 'の記録', editWith: '登録フォーム',
  },
  en: {
    appName: 'Casebook', division: 'Community-based Integrated Care Promotion Division', skip: 'Skip to content',
    signIn: 'Sign in', signOut: 'Sign out', userName: 'User name', password: 'Password',
    signInIntro: 'Case management for the Regional Bureaus of Health and Welfare.',
    demoUsers: 'Demo users (password: demo)',
    signInRefused: 'Sign-in was refused. Ask your administrator whether your ID carries a Casebook role and bureau.',
    orWithPassword: 'or with a user name and password',
    home: 'Home', matrix: 'Matrix', engagements: 'Engagements', grants: 'Grant cases', deadlines: 'Deadlines',
    audit: 'Audit', admin: 'Admin', switchLang: '日本語',
    bureau: 'Bureau', fiscalYear: 'Fiscal year', programme: 'Programme', status: 'Status', municipality: 'Municipality',
    show: 'Show', loading: 'Loading…', none: 'None', save: 'Save', cancel: 'Cancel', close: 'Close',
    required: 'required', optional: 'optional', errorsTitle: 'Please check your input', saved: 'Saved',
    conflict: 'Someone else changed this case. Reload, then save again (your input is kept).',
    forbidden: 'Your role does not allow this.', notFound: 'Not found.', serverError: 'The server failed. Please try again later.',
    networkError: 'Cannot reach the server.',
    weekAhead: 'This week', overdue: 'Overdue', openHomework: 'Open homework', pendingApprovals: 'Pending approvals (grant decisions)',
    deadlinesThisWeek: 'Grant deadlines this week', overdueMilestones: 'Meetings and visits past their planned date',
    overdueGrantSteps: 'Overdue grant steps', live: 'Live', liveOff: 'Live updates paused (reconnecting)',
    sameDay: 'same day', sameDayTitle: 'On the same day', daysWithSeveral: 'Days with several engagements',
    legend: 'Legend', planned: 'Planned', held: 'Held', notPlanned: 'Not planned', cancelled: 'Cancelled', skipped: 'Skipped',
    planTab: 'Plan / reschedule', heldTab: 'Record as held', cancelTab: 'Cancel', skipTab: 'Skip (supervisor)',
    plannedOn: 'Planned on', plannedPeriod: 'Period (day not fixed)', heldOn: 'Held on', startTime: 'Start', endTime: 'End',
    mode: 'Mode', place: 'Place', participants: 'Participants', agenda: 'Agenda (one per line)', summary: 'Summary', reason: 'Reason',
    orPeriod: 'or a period', year: 'Year', month: 'Month', part: 'Part',
    openCase: 'Open case', timeline: 'Timeline', asOf: 'As of', asOfRecorded: 'As recorded at', asOfOccurred: 'As it stood on',
    verify: 'Verify', exportCsv: 'Export CSV', seq: 'Seq', type: 'Type', occurredOn: 'Business date', recordedAt: 'Recorded at',
    actor: 'Actor', changes: 'Changes', hash: 'Hash', lateEntry: 'late entry', corrected: 'corrected', corrects: 'corrects',
    stateAsOf: 'The case at that point', eventsApplied: 'events applied', latest: 'latest', verifyOk: 'Verified: no tampering',
    verifyFailed: 'Verification failed', caseId: 'Case id', header: 'Overview', themes: 'Themes', advisors: 'Advisors',
    milestones: 'Milestones', decisions: 'Decisions', homework: 'Homework', findings: 'Findings', outputs: 'Outputs',
    actions: 'Actions', worklist: 'Grant worklist', waitingFor: 'Waiting for', procedures: 'Procedures', amountTrail: 'Amount trail',
    step: 'Step', on: 'Date', amount: 'Amount (yen)', noticeNo: 'Notice no.', documents: 'Documents (one per line)', note: 'Note',
    recordStep: 'Record a step', newProcedure: 'Add a procedure', newEngagement: 'Register an engagement', newGrantCase: 'Open a grant case',
    grantType: 'Grant', recipient: 'Recipient', targetFiscalYear: 'Target FY', from: 'From', to: 'To',
    dueBy: 'Due by', recorded: 'Recorded', noticeOfVersion: 'version', version: 'Version', readOnly: 'Read only',
    auditPick: 'Case to audit', pickHint: 'Pick a case or enter its id.', go: 'Open',
    adminIntro: 'Administration: API, metrics, export of all events. Case contents are not shown to administrators.',
    apiDocs: 'API documentation (OpenAPI)', metrics: 'Metrics (Prometheus)', exportAll: 'Export all events (NDJSON)',
    role_CASE_OFFICER: 'Case officer', role_SUPERVISOR: 'Supervisor', role_AUDITOR: 'Auditor', role_ADMIN: 'Administrator',
    gregorianHint: 'Hover a date to see it in the Gregorian calendar.', nextMilestone: 'Next', detail: 'Detail',
    cellHelp: 'Choose a cell to plan, hold or cancel that meeting or visit.',
    noRows: 'No cases match.', recordOf: ' record', editWith: 'Forms',
  },
};

export function t(key) {
  return (TEXT[lang()] && TEXT[lang()][key]) || TEXT.ja[key] || key;
}

// Codes the server sends with Japanese labels; English names for the switch.
const CODES_EN = {
  KASOKUKA: 'Community-building acceleration', ZAITAKU_RENKEI: 'Home care coordination support', SUMAI: 'Housing and living support',
  BUREAU_OWN: 'Bureau\'s own support', ADVISOR_DISPATCH: 'Advisor dispatch', BUREAU_LED: 'Bureau-led', PREFECTURE_LED: 'Prefecture-led',
  CANDIDATE: 'Candidate', ENTRY_SUBMITTED: 'Entry', SELECTED: 'Selected', TEAM_FORMED: 'Team formed', IN_SUPPORT: 'In support',
  SUPPORT_COMPLETED: 'Support completed', REPORTED: 'Reported', CLOSED: 'Closed', NOT_SELECTED: 'Not selected', WITHDRAWN: 'Withdrawn',
  NOT_PLANNED: 'Not planned', PLANNED: 'Planned', HELD: 'Held', CANCELLED: 'Cancelled', SKIPPED: 'Skipped',
  ONSITE: 'On site', ONLINE: 'Online', HYBRID: 'Hybrid', EARLY: 'Early', MID: 'Mid', LATE: 'Late', AROUND: 'Around',
  DONE: 'Done', OVERDUE: 'Overdue',
  SUPPORT_ENGAGEMENT: 'Support engagement', GRANT_CASE: 'Grant case', INQUIRY: 'Inquiry', CONSULTATION: 'Upper-limit consultation',
};
const CODES_JA = {
  ONSITE: '対面', ONLINE: 'オンライン', HYBRID: 'ハイブリッド', EARLY: '上旬', MID: '中旬', LATE: '下旬', AROUND: '頃',
  NOT_PLANNED: '未定', PLANNED: '予定', HELD: '実施済', CANCELLED: '中止', SKIPPED: 'スキップ',
  BUREAU: '厚生局', PREFECTURE: '都道府県', MHLW: '本省', MUNICIPALITY: '市町村', KOIKI_RENGO: '広域連合',
  SUPPORT_ENGAGEMENT: '伴走支援', GRANT_CASE: '交付案件', INQUIRY: '疑義照会', CONSULTATION: '個別協議',
};

/** A code's label: the server's Japanese label if given, else ours; English by code when switched. */
export function codeLabel(code, serverLabel) {
  if (!code) return '';
  if (lang() === 'en') return CODES_EN[code] || serverLabel || code;
  return serverLabel || CODES_JA[code] || code;
}

// Bean Validation's messages, in Japanese; anything else is shown as the server said it.
const MESSAGES_JA = [
  [/^must not be (null|blank|empty)$/, '入力してください'],
  [/^invalid value or wrong type$/, '値が正しくありません（存在しない日付や形式の誤りなど）'],
  [/^must be greater than or equal to (\S+)$/, '$1 以上にしてください'],
  [/^must be less than or equal to (\S+)$/, '$1 以下にしてください'],
  [/^must be greater than or equal to 0$/, '0 以上にしてください'],
  [/^size must be between (\d+) and (\d+)$/, '$1〜$2 文字（件）にしてください'],
  [/^must be a 6-digit local government code$/, '6桁の全国地方公共団体コードを入力してください'],
];

export function message(text) {
  if (lang() === 'en' || !text) return text;
  for (const [pattern, ja] of MESSAGES_JA) {
    if (pattern.test(text)) return text.replace(pattern, ja);
  }
  return text;
}

/** A label given in both languages where it is used (forms with many one-off labels). */
export function L(ja, en) {
  return lang() === 'en' ? en : ja;
}
