<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n batch(es) of points expired today.</source>
        <translation>
            <numerusform>%Ln batch of points expired today.</numerusform>
            <numerusform>%Ln batches of points expired today.</numerusform>
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
</context>
<context>
    <name>MembersPage</name>
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
    <message numerus="yes">
        <source>Delete %n archived member(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln archived member for good? This cannot be undone.</numerusform>
            <numerusform>Delete %Ln archived members for good? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n member(s)</source>
        <translation>
            <numerusform>Exporting %Ln member</numerusform>
            <numerusform>Exporting %Ln members</numerusform>
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
</TS>
