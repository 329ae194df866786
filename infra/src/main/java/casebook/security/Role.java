package casebook.security;

/** What a user may do (docs/SECURITY.md has the endpoint table). */
public enum Role {
    /** 担当者: logs milestones and steps for the cases of their own bureau. */
    CASE_OFFICER,
    /** 課長・課長補佐: everything an officer may, plus approvals, skips and corrections of others' records. */
    SUPERVISOR,
    /** 監査: reads every bureau, changes nothing. */
    AUDITOR,
    /** 管理者: users, reference data, export and import. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
