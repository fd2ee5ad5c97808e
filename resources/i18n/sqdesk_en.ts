<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <source>🎂 %n member(s) have a birthday</source>
        <translation>
            <numerusform>🎂 %n member has a birthday</numerusform>
            <numerusform>🎂 %n members have a birthday</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n activities to %1.</source>
        <translation>
            <numerusform>Saved %n activity to %1.</numerusform>
            <numerusform>Saved %n activities to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added the starter plan: %n activities to edit as you like.</source>
        <translation>
            <numerusform>Added the starter plan: %n activity to edit as you like.</numerusform>
            <numerusform>Added the starter plan: %n activities to edit as you like.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardPrintDialog</name>
    <message numerus="yes">
        <source>%n card(s) for %1.</source>
        <translation>
            <numerusform>%n card for %1.</numerusform>
            <numerusform>%n cards for %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printing %n card(s)…</source>
        <translation>
            <numerusform>Printing %n card…</numerusform>
            <numerusform>Printing %n cards…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Painting %n card(s)…</source>
        <translation>
            <numerusform>Painting %n card…</numerusform>
            <numerusform>Painting %n cards…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyPostDialog</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CouponPrintDialog</name>
    <message numerus="yes">
        <source>%n coupon(s) for %1.</source>
        <translation>
            <numerusform>%n coupon for %1.</numerusform>
            <numerusform>%n coupons for %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printing %n coupon(s)…</source>
        <translation>
            <numerusform>Printing %n coupon…</numerusform>
            <numerusform>Printing %n coupons…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Painting %n coupon(s)…</source>
        <translation>
            <numerusform>Painting %n coupon…</numerusform>
            <numerusform>Painting %n coupons…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CouponTypesTab</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%n active member(s)</source>
        <translation>
            <numerusform>%n active member</numerusform>
            <numerusform>%n active members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message numerus="yes">
        <source>%n member(s) can win: %1</source>
        <translation>
            <numerusform>%n member can win: %1</numerusform>
            <numerusform>%n members can win: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prizes paid to %n winner(s).</source>
        <translation>
            <numerusform>Prizes paid to %n winner.</numerusform>
            <numerusform>Prizes paid to %n winners.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n group(s) of members look like the same person. Select the member to keep in a group; the others are merged into it, with all their history.</source>
        <translation>
            <numerusform>%Ln group of members looks like the same person. Select the member to keep; the others are merged into it, with all their history.</numerusform>
            <numerusform>%Ln groups of members look like the same person. Select the member to keep in a group; the others are merged into it, with all their history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n member(s) into %1 (%2)? Their history moves to %1 and they are removed. This cannot be undone.</source>
        <translation>
            <numerusform>Merge %Ln member into %1 (%2)? Their history moves to %1 and they are removed. This cannot be undone.</numerusform>
            <numerusform>Merge %Ln members into %1 (%2)? Their history moves to %1 and they are removed. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after merging %n member(s).</source>
        <translation>
            <numerusform>Stopped after merging %n member.</numerusform>
            <numerusform>Stopped after merging %n members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message numerus="yes">
        <source>%1 (overdue %n day(s))</source>
        <translation>
            <numerusform>%1 (overdue %n day)</numerusform>
            <numerusform>%1 (overdue %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GiveCouponDialog</name>
    <message numerus="yes">
        <source>%n member(s): %1</source>
        <translation>
            <numerusform>%n member: %1</numerusform>
            <numerusform>%n members: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coupon(s) handed out.</source>
        <translation>
            <numerusform>%n coupon handed out.</numerusform>
            <numerusform>%n coupons handed out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) hold as many as they may already.</source>
        <translation>
            <numerusform>%n member holds as many as they may already.</numerusform>
            <numerusform>%n members hold as many as they may already.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) in groups</source>
        <translation>
            <numerusform>%n member in groups</numerusform>
            <numerusform>%n members in groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>VIP invites: %n</source>
        <translation>
            <numerusform>VIP invites: %n</numerusform>
            <numerusform>VIP invites: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No longer VIP-eligible: %n</source>
        <translation>
            <numerusform>No longer VIP-eligible: %n</numerusform>
            <numerusform>No longer VIP-eligible: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 and the membership history of its %n member(s)? The WeChat group itself is not touched.</source>
        <translation>
            <numerusform>Delete %1 and the membership history of its %n member? The WeChat group itself is not touched.</numerusform>
            <numerusform>Delete %1 and the membership history of its %n members? The WeChat group itself is not touched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n member(s) to the group.</source>
        <translation>
            <numerusform>Added %n member to the group.</numerusform>
            <numerusform>Added %n members to the group.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were in it already.</source>
        <translation>
            <numerusform>%n was in it already.</numerusform>
            <numerusform>%n were in it already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %n member(s) out of the group.</source>
        <translation>
            <numerusform>Took %n member out of the group.</numerusform>
            <numerusform>Took %n members out of the group.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>Import %Ln member</numerusform>
            <numerusform>Import %Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LapsesTab</name>
    <message numerus="yes">
        <source>%n member(s) noted as lapsing.</source>
        <translation>
            <numerusform>%n member noted as lapsing.</numerusform>
            <numerusform>%n members noted as lapsing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message numerus="yes">
        <source>Take %n member(s) out of the group: %1</source>
        <translation>
            <numerusform>Take %n member out of the group: %1</numerusform>
            <numerusform>Take %n members out of the group: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LosingTouchDialog</name>
    <message numerus="yes">
        <source>%n member(s) with no contact of any kind (a visit, an activity, a note, a message) for a while, the most valuable first.</source>
        <translation>
            <numerusform>%n member with no contact of any kind (a visit, an activity, a note, a message) for a while.</numerusform>
            <numerusform>%n members with no contact of any kind (a visit, an activity, a note, a message) for a while, the most valuable first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n batch(es) of points expired today.</source>
        <translation>
            <numerusform>%Ln batch of points expired today.</numerusform>
            <numerusform>%Ln batches of points expired today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The check found %n problem(s). If the file is damaged, go back to a good copy with File → Restore from Backup.</source>
        <translation>
            <numerusform>The check found %n problem. If the file is damaged, go back to a good copy with File → Restore from Backup.</numerusform>
            <numerusform>The check found %n problems. If the file is damaged, go back to a good copy with File → Restore from Backup.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message numerus="yes">
        <source>referred %n member(s)</source>
        <translation>
            <numerusform>referred %Ln member</numerusform>
            <numerusform>referred %Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>30 days: %n visit(s), %1</source>
        <translation>
            <numerusform>30 days: %n visit, %1</numerusform>
            <numerusform>30 days: %n visits, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>12 months: %n visit(s), %1</source>
        <translation>
            <numerusform>12 months: %n visit, %1</numerusform>
            <numerusform>12 months: %n visits, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message numerus="yes">
        <source>%n member(s) in %1</source>
        <translation>
            <numerusform>%Ln member in %1</numerusform>
            <numerusform>%Ln members in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message numerus="yes">
        <source>%n note(s) matching “%1”.</source>
        <translation>
            <numerusform>%n note matching “%1”.</numerusform>
            <numerusform>%n notes matching “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OccurrenceDialog</name>
    <message numerus="yes">
        <source>Recorded %n new attendee(s).</source>
        <translation>
            <numerusform>Recorded %n new attendee.</numerusform>
            <numerusform>Recorded %n new attendees.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Points paid to %n.</source>
        <translation>
            <numerusform>Points paid to %n.</numerusform>
            <numerusform>Points paid to %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were recorded already.</source>
        <translation>
            <numerusform>%n was recorded already.</numerusform>
            <numerusform>%n were recorded already.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message numerus="yes">
        <source>%n batch(es) of points expire within 30 days. Remind these members.</source>
        <translation>
            <numerusform>%Ln batch of points expires within 30 days. Remind these members.</numerusform>
            <numerusform>%Ln batches of points expire within 30 days. Remind these members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) moved up in the last 30 days: send them a congratulation.</source>
        <translation>
            <numerusform>%Ln member moved up in the last 30 days: send a congratulation.</numerusform>
            <numerusform>%Ln members moved up in the last 30 days: send them a congratulation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostsPage</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message numerus="yes">
        <source>%n member(s) with no contact for more than %1 days: review them (double-click opens one: ⋯ exports or erases their data).</source>
        <translation>
            <numerusform>%n member with no contact for more than %1 days: review them (double-click opens one: ⋯ exports or erases their data).</numerusform>
            <numerusform>%n members with no contact for more than %1 days: review them (double-click opens one: ⋯ exports or erases their data).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickAwardDialog</name>
    <message numerus="yes">
        <source>Paid to %n member(s).</source>
        <translation>
            <numerusform>Paid to %n member.</numerusform>
            <numerusform>Paid to %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n had it today already.</source>
        <translation>
            <numerusform>%n had it today already.</numerusform>
            <numerusform>%n had it today already.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterFiles</name>
    <message numerus="yes">
        <source>Exporting %n member(s)</source>
        <translation>
            <numerusform>Exporting %Ln member</numerusform>
            <numerusform>Exporting %Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanBox</name>
    <message numerus="yes">
        <source>✓ %1 checked in: %n day(s) in a row.</source>
        <translation>
            <numerusform>✓ %1 checked in: %n day in a row.</numerusform>
            <numerusform>✓ %1 checked in: %n days in a row.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentWords</name>
    <message numerus="yes">
        <source>%n visit(s) in the last 30 days</source>
        <translation>
            <numerusform>%n visit in the last 30 days</numerusform>
            <numerusform>%n visits in the last 30 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) in 90 days</source>
        <translation>
            <numerusform>%n visit in 90 days</numerusform>
            <numerusform>%n visits in 90 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) %1</source>
        <translation>
            <numerusform>%n visit %1</numerusform>
            <numerusform>%n visits %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionActions</name>
    <message numerus="yes">
        <source>Saving a copy of the store, then tagging %n member(s)…</source>
        <translation>
            <numerusform>Saving a copy of the store, then tagging %n member…</numerusform>
            <numerusform>Saving a copy of the store, then tagging %n members…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving a copy of the store, then untagging %n member(s)…</source>
        <translation>
            <numerusform>Saving a copy of the store, then untagging %n member…</numerusform>
            <numerusform>Saving a copy of the store, then untagging %n members…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n member(s).</source>
        <translation>
            <numerusform>Tagged %Ln member.</numerusform>
            <numerusform>Tagged %Ln members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untagged %n member(s).</source>
        <translation>
            <numerusform>Untagged %Ln member.</numerusform>
            <numerusform>Untagged %Ln members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected member(s)</source>
        <translation>
            <numerusform>%n selected member</numerusform>
            <numerusform>%n selected members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n member(s) to the group.</source>
        <translation>
            <numerusform>Added %n member to the group.</numerusform>
            <numerusform>Added %n members to the group.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n archived member(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln archived member for good? This cannot be undone.</numerusform>
            <numerusform>Delete %Ln archived members for good? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message numerus="yes">
        <source>%n ready-made post templates (welcome, morning report, birthday wishes…) are on the Posts page.</source>
        <translation>
            <numerusform>%n ready-made post template (welcome, morning report, birthday wishes…) is on the Posts page.</numerusform>
            <numerusform>%n ready-made post templates (welcome, morning report, birthday wishes…) are on the Posts page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <source>Merged: %n member(s) moved.</source>
        <translation>
            <numerusform>Merged: %Ln member moved.</numerusform>
            <numerusform>Merged: %Ln members moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1? It is removed from %n member(s).</source>
        <translation>
            <numerusform>Delete %1? It is removed from %Ln member.</numerusform>
            <numerusform>Delete %1? It is removed from %Ln members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>overdue %n day</numerusform>
            <numerusform>overdue %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) you are losing touch with: no contact of any kind for a while. Say hello…</source>
        <translation>
            <numerusform>%n member you are losing touch with: no contact of any kind for a while. Say hello…</numerusform>
            <numerusform>%n members you are losing touch with: no contact of any kind for a while. Say hello…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) have a coupon that expires within 7 days: remind them one by one…</source>
        <translation>
            <numerusform>%n member has a coupon that expires within 7 days: remind them one by one…</numerusform>
            <numerusform>%n members have a coupon that expires within 7 days: remind them one by one…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPosts</name>
    <message numerus="yes">
        <source>… and %n more: open them from the list of today&apos;s activities.</source>
        <translation>
            <numerusform>… and %n more: open it from the list of today&apos;s activities.</numerusform>
            <numerusform>… and %n more: open them from the list of today&apos;s activities.</numerusform>
        </translation>
    </message>
</context>
</TS>
