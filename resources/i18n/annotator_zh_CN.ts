<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../ui/widgets/annotation_panel.py" line="39"/>
        <source>Delete annotation</source>
        <extracomment>Show this span in the text: ``(start, end)``. Move this annotation&apos;s bounds to the text&apos;s current selection.</extracomment>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/annotation_panel.py" line="99"/>
        <source>Change code to</source>
        <translation>更改编码为</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/annotation_panel.py" line="99"/>
        <source>Move these to code</source>
        <translation>将这些标注改为编码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/annotation_panel.py" line="104"/>
        <source>Split off into a new code…</source>
        <translation>拆分为新编码…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/annotation_panel.py" line="109"/>
        <source>Edit memo…</source>
        <translation>编辑备忘…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/annotation_panel.py" line="111"/>
        <source>Set bounds to the selected text</source>
        <translation>将范围设为所选文字</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <location filename="../../ui/models/annotation_table_model.py" line="20"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/models/annotation_table_model.py" line="20"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/models/annotation_table_model.py" line="20"/>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../ui/models/annotation_table_model.py" line="20"/>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="36"/>
        <location filename="../../ui/dialogs/backups_dialog.py" line="105"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="44"/>
        <source>Annotator keeps the last five states of the project, taken when it is opened. Restoring one replaces the project; its current state is kept as the newest backup.</source>
        <extracomment>The backup chosen (and confirmed) when the dialog is accepted.</extracomment>
        <translation>Annotator 在每次打开项目时保存一份备份，保留最近五份。恢复某一份会替换当前项目；当前状态会保存为最新的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="55"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="68"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="68"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="68"/>
        <source>Codings</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="69"/>
        <source>Last change (UTC)</source>
        <translation>最后修改（UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="69"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="78"/>
        <source>good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="78"/>
        <source>damaged: {0}</source>
        <translation>已损坏：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="106"/>
        <source>Replace the project with the backup taken {0} ({1} documents, {2} codings)?

The project as it is now is kept as the newest backup.</source>
        <translation>用 {0} 的备份（{1} 篇文档，{2} 条编码）替换当前项目吗？

项目的当前状态会保存为最新的备份。</translation>
    </message>
</context>
<context>
    <name>BoundsDialog</name>
    <message>
        <location filename="../../ui/dialogs/bounds_dialog.py" line="22"/>
        <source>Change the bounds</source>
        <translation>修改范围</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bounds_dialog.py" line="37"/>
        <source>Start (character)</source>
        <translation>起点（字符）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bounds_dialog.py" line="38"/>
        <source>End (character, not included)</source>
        <translation>终点（字符，不含）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/bounds_dialog.py" line="51"/>
        <source>The end must come after the start.</source>
        <translation>终点必须在起点之后。</translation>
    </message>
</context>
<context>
    <name>CoOccurrenceTab</name>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="117"/>
        <source>Overlapping codings</source>
        <translation>标注重叠</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="118"/>
        <source>Same sentence</source>
        <translation>同一句</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="119"/>
        <source>Same document</source>
        <translation>同一文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="127"/>
        <source>Codes meet in:</source>
        <translation>共现单位：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="131"/>
        <source>Measures (M) × mechanisms (J), by sentence</source>
        <translation>举措 (M) × 机制 (J)（按句）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="135"/>
        <source>co-occurrence</source>
        <translation>编码共现</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="157"/>
        <source>The codebook has no top-level M and J codes.</source>
        <translation>编码本中没有一级编码 M 和 J。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="158"/>
        <source>M code</source>
        <translation>M 编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="158"/>
        <source>J code</source>
        <translation>J 编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="158"/>
        <source>Sentences</source>
        <translation>句数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="158"/>
        <source>Units</source>
        <translation>单位编号</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="43"/>
        <source>Edit code</source>
        <translation>编辑编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="43"/>
        <source>New code</source>
        <translation>新建编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="54"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="54"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="64"/>
        <source>Key (e.g. M1.2)</source>
        <translation>编码键（如 M1.2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="64"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="65"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="65"/>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="66"/>
        <source>Include when</source>
        <translation>纳入规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="66"/>
        <source>Exclude when</source>
        <translation>排除规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="67"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="73"/>
        <source>Keywords (separated by 、)</source>
        <translation>关键词（以“、”分隔）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="74"/>
        <location filename="../../ui/dialogs/code_dialog.py" line="103"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="75"/>
        <source>Add attribute</source>
        <translation>添加属性</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_dialog.py" line="77"/>
        <source>Remove attribute</source>
        <translation>删除属性</translation>
    </message>
</context>
<context>
    <name>CodeFrequencyTab</name>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="94"/>
        <source>code-frequencies</source>
        <extracomment>How many codes the frequency chart shows. How many words the word chart shows (the table shows them all).</extracomment>
        <translation>编码频次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="104"/>
        <source>References per code (top {0})</source>
        <translation>各编码参考点数（前 {0} 个）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="107"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="107"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="107"/>
        <source>References</source>
        <translation>参考点</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="107"/>
        <source>Documents</source>
        <translation>材料来源</translation>
    </message>
</context>
<context>
    <name>CodeHitsDialog</name>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="58"/>
        <source>Code hits</source>
        <extracomment>The places OK would code (for the current code and extent).</extracomment>
        <translation>编码检索结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="73"/>
        <source>Code 1 hit</source>
        <translation>为 1 处检索结果编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="75"/>
        <source>Code {0} hits</source>
        <translation>为 {0} 处检索结果编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="76"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="81"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="93"/>
        <source>Choose a code</source>
        <translation>请选择编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="98"/>
        <source>The hit only</source>
        <translation>仅命中词</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="99"/>
        <source>Its clause</source>
        <translation>所在分句</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="100"/>
        <source>Its sentence</source>
        <translation>所在整句</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="141"/>
        <source>Choose a code to see the places it would code.</source>
        <translation>选择编码后，这里列出将要编码的位置。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="143"/>
        <source>Nothing to code: you have coded every place with this code already.</source>
        <translation>没有要编码的位置：这些位置您都已用此编码标注过。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="145"/>
        <source>1 place will be coded:</source>
        <translation>将编码 1 处：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/code_hits_dialog.py" line="147"/>
        <source>{0} places will be coded:</source>
        <translation>将编码 {0} 处：</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <location filename="../../ui/models/code_tree_model.py" line="31"/>
        <source>Code</source>
        <extracomment>The whole :class:`Code` record, for filtering. A code was dropped: ``(code id, new parent id or 0 for the top, row or -1 for last)``.</extracomment>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/models/code_tree_model.py" line="31"/>
        <source>Here</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../ui/models/code_tree_model.py" line="31"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <location filename="../../ui/codebook_editor.py" line="52"/>
        <source>Apply to the selection</source>
        <translation>应用于所选文字</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="54"/>
        <source>Edit code…</source>
        <translation>编辑编码…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="55"/>
        <source>Add sub-code…</source>
        <translation>添加下级编码…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="56"/>
        <source>Add top-level code…</source>
        <translation>添加一级编码…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="58"/>
        <source>Set shortcut…</source>
        <translation>设置快捷键…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="60"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="61"/>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="61"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="63"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="65"/>
        <source>Import codebook…</source>
        <translation>导入编码本…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="66"/>
        <source>Export codebook…</source>
        <translation>导出编码本…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="95"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="96"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="124"/>
        <source>Merge codes</source>
        <translation>合并编码</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="125"/>
        <source>Merge “{0}” into:</source>
        <translation>将“{0}”合并到：</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="132"/>
        <source>Merge “{0}” into “{1}”?

{2} codings move to “{1}”, its sub-codes go under it, and “{0}” is removed. Undo brings it all back.</source>
        <translation>将“{0}”合并到“{1}”？

{2} 个标注将改为“{1}”，其下级编码移到“{1}”之下，“{0}”将被删除。可撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="142"/>
        <source>Delete “{0}”?

This removes {1} code(s) and {2} coding(s) made with them. Undo brings them back.</source>
        <translation>删除“{0}”？

将删除 {1} 个编码及用它们所做的 {2} 个标注。可撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="150"/>
        <location filename="../../ui/codebook_editor.py" line="157"/>
        <source>Import codebook</source>
        <translation>导入编码本</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="162"/>
        <location filename="../../ui/codebook_editor.py" line="170"/>
        <source>Export codebook</source>
        <translation>导出编码本</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="171"/>
        <source>Wrote {0} codes to {1}</source>
        <translation>已将 {0} 个编码写入 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editor.py" line="177"/>
        <source>Codebooks ({0})</source>
        <translation>编码本 ({0})</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../../ui/widgets/codebook_panel.py" line="67"/>
        <source>Find a code: key, name or pinyin (djyl)</source>
        <extracomment>A code was chosen (double-click, Return, or its shortcut): its id. The tree&apos;s context menu: ``(code id or 0 off the codes, global position)``.</extracomment>
        <translation>查找编码：键、名称或拼音首字母（djyl）</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <location filename="../../ui/dialogs/coder_dialog.py" line="13"/>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/coder_dialog.py" line="14"/>
        <source>Your coder name (shown on each of your codings):</source>
        <translation>您的编码员名称（显示在您的每一条标注上）：</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="61"/>
        <source>Compare coders and adjudicate</source>
        <translation>比较编码员并裁定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="88"/>
        <source>Document:</source>
        <extracomment>The compared coders, in column order (key 1 is the first). Every cluster of the document, and the ones the table shows (row order). One pane per compared coder, then the consensus pane.</extracomment>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="89"/>
        <source>Coders:</source>
        <translation>编码员：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="101"/>
        <source>1–9: adopt that coder&apos;s version · Del: remove · N / P: next / previous</source>
        <translation>1–9：采纳该编码员的版本 · Del：移除 · N / P：下一个 / 上一个</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="114"/>
        <source>Only disagreements</source>
        <translation>只看分歧</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="116"/>
        <source>Adopt all agreed</source>
        <translation>采纳全部一致处</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="117"/>
        <source>Remove from consensus (Del)</source>
        <translation>从共识中移除 (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="196"/>
        <source>Choose at least two coders.</source>
        <translation>请至少选择两位编码员。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="221"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="221"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="221"/>
        <source>Span</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="221"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="222"/>
        <source>In consensus</source>
        <translation>已入共识</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="259"/>
        <source>{0} disagreements, {1} in consensus, {2} clusters</source>
        <translation>{0} 处分歧，{1} 处已入共识，共 {2} 处</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="293"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="304"/>
        <source>Agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="305"/>
        <source>Bounds differ</source>
        <translation>范围不同</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="306"/>
        <source>Not coded by all</source>
        <translation>有人未编</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_dialog.py" line="337"/>
        <source>{0} has no coding here.</source>
        <translation>{0} 在此处没有编码。</translation>
    </message>
</context>
<context>
    <name>CrossTabTab</name>
    <message>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="48"/>
        <source>Row %</source>
        <translation>行百分比</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="49"/>
        <source>Each value&apos;s share of the code&apos;s references</source>
        <translation>各取值占该编码参考点的比例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="55"/>
        <source>Document attribute:</source>
        <translation>文档属性：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="84"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="85"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="85"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="88"/>
        <location filename="../../ui/dialogs/stats_crosstab.py" line="112"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="29"/>
        <source>Document details</source>
        <translation>文档信息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="32"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="32"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="33"/>
        <source>Author&apos;s role</source>
        <translation>作者身份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="33"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="34"/>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="34"/>
        <source>Published (YYYY[-MM[-DD]])</source>
        <translation>发布日期（YYYY[-MM[-DD]]）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="35"/>
        <source>Date precision (year/month/day)</source>
        <translation>日期精度（year/month/day）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="36"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="36"/>
        <source>Region code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="37"/>
        <source>Administrative level</source>
        <translation>行政级别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="37"/>
        <source>Script</source>
        <translation>字体（简/繁）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/document_dialog.py" line="44"/>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../ui/widgets/document_panel.py" line="69"/>
        <source>Filter: title, source, region, date…</source>
        <extracomment>The reader picked a document (its id).</extracomment>
        <translation>筛选：标题、来源、地区、日期…</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../ui/models/document_table_model.py" line="26"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/models/document_table_model.py" line="26"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/models/document_table_model.py" line="26"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/models/document_table_model.py" line="26"/>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../ui/models/document_table_model.py" line="27"/>
        <source>Codings</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../ui/models/document_table_model.py" line="27"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="85"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="217"/>
        <location filename="../../ui/dialogs/export_runner.py" line="58"/>
        <location filename="../../ui/dialogs/export_runner.py" line="71"/>
        <location filename="../../ui/dialogs/export_runner.py" line="111"/>
        <source>Export</source>
        <extracomment>Sheet and column names: language code → shown name (each in its own language). Formats whose names and values follow the chosen language. The documents selected in the main window&apos;s list. What was written and how many codings, once the export succeeded. The progress bar while exporting.
----------
The runner&apos;s texts belong to the dialog&apos;s translation context (``self.tr`` here would be read by lupdate under no class, and looked up at run time under the dialog).</extracomment>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="95"/>
        <source>One file per document</source>
        <translation>每个文档一个文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="102"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="120"/>
        <source>The consensus layer ({0} codings)</source>
        <translation>共识层（{0} 条编码）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="122"/>
        <source>The consensus layer (none yet)</source>
        <translation>共识层（尚无）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="125"/>
        <source>All coders ({0} codings)</source>
        <translation>所有编码员（{0} 条编码）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="126"/>
        <source>Chosen coders:</source>
        <translation>选定的编码员：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="137"/>
        <source>Whose codings</source>
        <extracomment>Set once the user picks whose codings: the format then no longer chooses.</extracomment>
        <translation>谁的编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="157"/>
        <source>Pending</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="158"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="159"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="162"/>
        <source>Review states</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="172"/>
        <source>All documents ({0})</source>
        <translation>全部文档（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="175"/>
        <source>Selected in the document list ({0})</source>
        <translation>文档列表中选中的（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="178"/>
        <source>Chosen documents:</source>
        <translation>选定的文档：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="181"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="186"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="202"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="204"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="205"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="206"/>
        <source>The language of sheet and column names</source>
        <translation>工作表名和列名的语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="207"/>
        <source>Cross-tab by:</source>
        <translation>交叉表属性：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="229"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="230"/>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="231"/>
        <source>JSON data</source>
        <translation>JSON 数据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="232"/>
        <source>REFI-QDA project</source>
        <translation>REFI-QDA 项目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="233"/>
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="260"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="326"/>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="328"/>
        <source>Check at least one review state: without any, nothing is exported.</source>
        <translation>请至少勾选一种审阅状态：一种都不选，就没有可导出的编码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="330"/>
        <source>Check at least one coder.</source>
        <translation>请至少勾选一位编码员。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="332"/>
        <source>Check at least one document.</source>
        <translation>请至少勾选一篇文档。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="335"/>
        <source>{0} is a file: choose another name for the folder.</source>
        <translation>{0} 是一个文件：请为文件夹另取一个名字。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="337"/>
        <source>{0} is a folder: choose a file name.</source>
        <translation>{0} 是一个文件夹：请选择一个文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_runner.py" line="72"/>
        <source>{0} exists already. Replace it?</source>
        <translation>{0} 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_runner.py" line="92"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>导出已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_runner.py" line="105"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_runner.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../ui/file_menu.py" line="49"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="51"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="53"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="54"/>
        <source>Open &amp;recent</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="56"/>
        <source>Save a &amp;copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="58"/>
        <source>Restore from &amp;backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="60"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="61"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="62"/>
        <source>Import REFI-QDA project (.qdpx)…</source>
        <translation>导入 REFI-QDA 项目 (.qdpx)…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="64"/>
        <source>Import codebook…</source>
        <translation>导入编码本…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="65"/>
        <source>Export codebook…</source>
        <translation>导出编码本…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="67"/>
        <source>Change coder…</source>
        <translation>更换编码员…</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="69"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="73"/>
        <source>Annotator projects (*{0})</source>
        <translation>Annotator 项目 (*{0})</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="96"/>
        <location filename="../../ui/file_menu.py" line="101"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="102"/>
        <source>Start with the default codebook (measures and mechanisms)?</source>
        <translation>使用默认编码本（举措与机制）开始？</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="114"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="123"/>
        <location filename="../../ui/file_menu.py" line="133"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="134"/>
        <source>{0} exists already. Replace it?</source>
        <translation>{0} 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="141"/>
        <source>Saved a copy: {0}</source>
        <translation>已保存副本：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="154"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="155"/>
        <source>{0} of {1} files imported.</source>
        <translation>已导入 {0} / {1} 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="168"/>
        <source>Exported {0} codings to {1}</source>
        <translation>已导出 {0} 条编码到 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="180"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="180"/>
        <source>Open it now?</source>
        <translation>现在打开吗？</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="188"/>
        <location filename="../../ui/file_menu.py" line="208"/>
        <location filename="../../ui/file_menu.py" line="227"/>
        <source>Import REFI-QDA project</source>
        <translation>导入 REFI-QDA 项目</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="189"/>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>REFI-QDA 项目 (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="216"/>
        <source>Save the new project as</source>
        <translation>新项目另存为</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="228"/>
        <source>{0} exists already: a new project needs a new file.</source>
        <translation>{0} 已存在：新项目需要一个新文件。</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="204"/>
        <source>Imported {0} as the new project {1}</source>
        <translation>已将 {0} 导入为新项目 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/file_menu.py" line="209"/>
        <source>Left out:</source>
        <translation>未能导入的内容：</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/widgets/find_bar.py" line="24"/>
        <source>Find (繁/简, quotes and spaces ignored)</source>
        <extracomment>The hits changed: a list of ``(start, end)`` in code points, and the current index.</extracomment>
        <translation>查找（繁简通用，忽略引号与空格）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/find_bar.py" line="83"/>
        <source>no hits</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="34"/>
        <source>Prepare a coder&apos;s copy</source>
        <translation>准备编码员副本</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="40"/>
        <source>The coder&apos;s name</source>
        <translation>编码员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="41"/>
        <source>All {0} documents</source>
        <translation>全部 {0} 篇文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="42"/>
        <source>Only the document shown</source>
        <translation>只含当前显示的文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="46"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="57"/>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="58"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="60"/>
        <source>Write to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="72"/>
        <source>Write the copy to</source>
        <translation>副本保存到</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handout_dialog.py" line="73"/>
        <source>Annotator projects (*{0})</source>
        <translation>Annotator 项目 (*{0})</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="67"/>
        <location filename="../../ui/dialogs/import_dialog.py" line="115"/>
        <source>Import documents</source>
        <extracomment>Every file given so far has been prepared (or preparing was stopped).</extracomment>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="73"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="77"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="88"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="89"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="90"/>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="91"/>
        <source>Skip all</source>
        <translation>全部跳过</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="116"/>
        <source>Documents (*.txt *.html *.htm *.docx *.pdf)</source>
        <translation>文档 (*.txt *.html *.htm *.docx *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="121"/>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="146"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="152"/>
        <source>Reading and cleaning {0} of {1}…</source>
        <translation>正在读取与清洗第 {0} 个，共 {1} 个…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="214"/>
        <source>Import {0} files</source>
        <translation>导入 {0} 个文件</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="43"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="43"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="43"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="44"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="44"/>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="44"/>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="45"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="45"/>
        <source>Script</source>
        <translation>字体（简/繁）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="53"/>
        <source>As imported (removed lines struck through)</source>
        <translation>原文（删除的行以删除线标出）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="55"/>
        <source>Cleaned (flags marked)</source>
        <translation>清洗后（标记待核对处）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="72"/>
        <source>Cannot import: {0}</source>
        <translation>无法导入：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/import_preview.py" line="80"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Documents</source>
        <extracomment>The user chose another interface language (the app rebuilds the window). Set when the window is replaced (a new language): closing keeps the project open.</extracomment>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Codebook</source>
        <translation>编码本</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Keyword suggestions</source>
        <translation>关键词建议</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>These shortcuts clash with others and are off: {0}</source>
        <translation>以下快捷键与其他快捷键冲突，已停用：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="25"/>
        <source>This project file is read-only: you can read, search and export, but not change it. To work on it, save a copy (File → Save a copy…).</source>
        <translation>此项目文件为只读：可以阅读、检索和导出，但不能修改。如需修改，请另存副本（文件 → 另存副本…）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>Undo {0}</source>
        <translation>撤销 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>Redo {0}</source>
        <translation>重做 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Coder: {0}   |   {1} documents   |   {2}</source>
        <translation>编码员：{0}   |   {1} 篇文档   |   {2}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Select some text first, then choose a code.</source>
        <translation>请先选择文字，再选择编码。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>Apply code</source>
        <translation>应用编码</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Select the new extent in the text first.</source>
        <translation>请先在文中选择新的范围。</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <location filename="../../ui/dialogs/memo_dialog.py" line="13"/>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <location filename="../../ui/widgets/progress.py" line="22"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/progress.py" line="34"/>
        <source>Stopped: nothing was changed.</source>
        <translation>已停止：未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../ui/recovery.py" line="56"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="57"/>
        <source>This project has no backups yet. One is taken each time it is opened after a change.</source>
        <translation>此项目还没有备份。项目有改动后，每次打开时都会备份一次。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="72"/>
        <source>Damaged project</source>
        <translation>项目已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="74"/>
        <source>The newest good backup was taken {0} ({1} documents, {2} codings). Restore it? The damaged file is kept beside the backups.</source>
        <translation>最新的完好备份保存于 {0}（{1} 篇文档，{2} 条编码）。要恢复它吗？损坏的文件会保存在备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="90"/>
        <source>Restored the backup taken {0}</source>
        <translation>已恢复 {0} 的备份</translation>
    </message>
</context>
<context>
    <name>ReliabilityDialog</name>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="59"/>
        <source>Inter-coder agreement</source>
        <translation>编码员间信度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="64"/>
        <source>Hide codes nobody used</source>
        <translation>隐藏无人使用的编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="66"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="67"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="79"/>
        <source>Character</source>
        <translation>字符</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="80"/>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="81"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="82"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="87"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="90"/>
        <source>Selected documents ({0})</source>
        <translation>所选文档（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="123"/>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="124"/>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="128"/>
        <source>Coders (two or more):</source>
        <translation>编码员（两位或以上）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="132"/>
        <source>N = units; thresholds: κ 0.6, Holsti/R 0.8; see docs/agreement.md</source>
        <translation>N = 单位数；阈值：κ 0.6，Holsti/R 0.8；见 docs/agreement.md</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="189"/>
        <source>Check at least two coders to compare.</source>
        <translation>请勾选至少两位编码员进行比较。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="193"/>
        <source>Computing agreement…</source>
        <translation>正在计算一致性…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="198"/>
        <source>Stopped: choose again to compute.</source>
        <translation>已停止：重新选择即可再次计算。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="220"/>
        <source>Export agreement</source>
        <translation>导出信度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="220"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reliability_dialog.py" line="242"/>
        <source>Wrote {0} disagreements to {1}</source>
        <translation>已将 {0} 处分歧写入 {1}</translation>
    </message>
</context>
<context>
    <name>ReliabilityModel</name>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="81"/>
        <source>Code</source>
        <extracomment>The fill of flagged rows (the same as the Excel sheet&apos;s). Shown for a figure that is undefined (never &quot;nan&quot;). The rows shown, in the order shown.</extracomment>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="82"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="83"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="85"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="90"/>
        <source>Mean Holsti K̄</source>
        <translation>平均 Holsti K̄</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="97"/>
        <source>Both</source>
        <translation>双方</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="98"/>
        <location filename="../../ui/models/reliability_model.py" line="99"/>
        <source>Only {0}</source>
        <translation>仅{0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="100"/>
        <source>Neither</source>
        <translation>均无</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="101"/>
        <source>% agreement</source>
        <translation>百分比一致</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="103"/>
        <source>Holsti</source>
        <translation>Holsti</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="110"/>
        <source>Overall</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="115"/>
        <source>Below threshold: R &lt; {0}</source>
        <translation>低于阈值：R &lt; {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="116"/>
        <source>Below threshold: κ &lt; {0} or Holsti &lt; {1}</source>
        <translation>低于阈值：κ &lt; {0} 或 Holsti &lt; {1}</translation>
    </message>
    <message>
        <location filename="../../ui/models/reliability_model.py" line="165"/>
        <source>Units marked by 0, 1, 2… coders: {0}</source>
        <translation>被 0、1、2… 位编码员标记的单位数：{0}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="60"/>
        <source>Document</source>
        <extracomment>Show this span of this document in the text. The document the window shows (the &quot;this document&quot; filter uses it).</extracomment>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="60"/>
        <location filename="../../ui/widgets/review_panel.py" line="81"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="60"/>
        <location filename="../../ui/widgets/review_panel.py" line="81"/>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="60"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="61"/>
        <location filename="../../ui/widgets/review_panel.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="62"/>
        <source>pending</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="62"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="63"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="72"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="73"/>
        <source>The document shown</source>
        <translation>当前显示的文档</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="74"/>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="76"/>
        <source>Pending</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="76"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="76"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="82"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="109"/>
        <source>Accept (A)</source>
        <translation>接受 (A)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="110"/>
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="111"/>
        <source>Comment (C)</source>
        <translation>评论 (C)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="112"/>
        <source>Code (K)</source>
        <translation>改编码 (K)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="113"/>
        <source>Bounds (B)</source>
        <translation>改范围 (B)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="114"/>
        <source>Next pending (N)</source>
        <translation>下一个待审 (N)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="135"/>
        <source>All coders</source>
        <translation>全部编码员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="136"/>
        <source>All codes</source>
        <translation>全部编码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="195"/>
        <source>%v of {0} reviewed (%p%)</source>
        <translation>已审 %v / {0}（%p%）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="202"/>
        <source>This document: {0} of {1} reviewed</source>
        <translation>本文档：已审 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="277"/>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/review_panel.py" line="277"/>
        <source>Your comment:</source>
        <translation>您的评论：</translation>
    </message>
</context>
<context>
    <name>SavablePane</name>
    <message>
        <location filename="../../ui/widgets/charts.py" line="171"/>
        <source>Save as PNG…</source>
        <extracomment>The bars&apos; colour (one set: QtCharts cannot colour each bar of a set). The heat map&apos;s cells go from white (0) to this red (the largest count). What is shown, top to bottom (tests read it). Row and column labels (the codes&apos; keys), and the counts (matrix[i][j]).</extracomment>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="184"/>
        <source>Save as PNG</source>
        <translation>保存为 PNG</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="184"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="59"/>
        <source>Document</source>
        <extracomment>The key that shows and hides the search dock (the core must reserve it: ``RESERVED_SHORTCUTS`` in annotator/commands/codes.py, so no code can take it). Show this span ``(document, start, end)`` in the text. The last search run (query, regex): redone when documents come or go.</extracomment>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="59"/>
        <source>Unit</source>
        <translation>单位编号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="59"/>
        <source>Before</source>
        <translation>左语境</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="59"/>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="60"/>
        <source>After</source>
        <translation>右语境</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="67"/>
        <source>Search corpus</source>
        <translation>全文检索</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="72"/>
        <source>A word or phrase (traditional and simplified alike); Enter searches</source>
        <translation>输入词或短语（繁简通查），按回车检索</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="76"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="77"/>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="79"/>
        <source>Code hits…</source>
        <translation>编码检索结果…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="80"/>
        <source>Code the selected hits, or all hits shown (C)</source>
        <translation>为选中的检索结果编码，未选中则为全部显示结果编码 (C)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="151"/>
        <source>0 hits</source>
        <translation>0 处命中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="153"/>
        <source>1 hit in 1 document</source>
        <translation>1 篇文档中共 1 处命中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="155"/>
        <source>{0} hits in 1 document</source>
        <translation>1 篇文档中共 {0} 处命中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="157"/>
        <source>{0} hits in {1} documents</source>
        <translation>{1} 篇文档中共 {0} 处命中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_panel.py" line="159"/>
        <source>; showing the first {0}</source>
        <translation>；仅显示前 {0} 处</translation>
    </message>
</context>
<context>
    <name>ShortcutDialog</name>
    <message>
        <location filename="../../ui/dialogs/shortcut_dialog.py" line="37"/>
        <source>Shortcut for {0}</source>
        <translation>{0} 的快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcut_dialog.py" line="48"/>
        <source>Press a digit, a letter or F1–F12 (Ctrl, Alt, Shift allowed).</source>
        <translation>请按一个数字、字母或 F1–F12（可加 Ctrl、Alt、Shift）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcut_dialog.py" line="67"/>
        <source>No shortcut.</source>
        <translation>无快捷键。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcut_dialog.py" line="69"/>
        <source>{0} is taken by “{1}”.</source>
        <translation>{0} 已用于“{1}”。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcut_dialog.py" line="71"/>
        <source>{0} cannot be a code&apos;s shortcut.</source>
        <translation>{0} 不能作为编码的快捷键。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shortcut_dialog.py" line="74"/>
        <source>{0} is the shortcut of {1}; it will move to this code.</source>
        <translation>{0} 是 {1} 的快捷键，将改给此编码。</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="285"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="292"/>
        <source>Code frequencies</source>
        <translation>编码频次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="293"/>
        <source>Co-occurrence</source>
        <translation>编码共现</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="294"/>
        <source>Word frequency</source>
        <translation>词频</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="295"/>
        <source>Cross-tab</source>
        <translation>交叉表</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../ui/widgets/suggestion_panel.py" line="50"/>
        <source>Accept (A)</source>
        <extracomment>The view should mark these spans ``(start, end, colour)``; the second is the current. Show this span in the text.</extracomment>
        <translation>接受 (A)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestion_panel.py" line="51"/>
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestion_panel.py" line="52"/>
        <source>All of this code (Shift+A)</source>
        <translation>接受该编码全部 (Shift+A)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestion_panel.py" line="53"/>
        <source>None of it (Shift+R)</source>
        <translation>拒绝该编码全部 (Shift+R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestion_panel.py" line="97"/>
        <source>{0} suggestions for {1} codes</source>
        <translation>{0} 条建议，涉及 {1} 个编码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/suggestion_panel.py" line="99"/>
        <source>No keyword suggestions here.</source>
        <translation>本文档没有关键词建议。</translation>
    </message>
</context>
<context>
    <name>TeamworkMenu</name>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="34"/>
        <location filename="../../ui/teamwork_menu.py" line="46"/>
        <source>Review queue</source>
        <translation>审阅队列</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="44"/>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="49"/>
        <source>Compare coders…</source>
        <translation>比较编码员…</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="52"/>
        <source>Reliability report…</source>
        <translation>信度报告…</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="55"/>
        <source>Prepare a coder&apos;s copy…</source>
        <translation>准备编码员副本…</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="56"/>
        <source>Merge coders&apos; copies…</source>
        <translation>合并编码员副本…</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="81"/>
        <source>This is {0}&apos;s copy: you are coding as {0}.</source>
        <translation>这是 {0} 的副本：您以 {0} 的身份编码。</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="116"/>
        <source>Wrote {0}&apos;s copy with {1} documents to {2}</source>
        <translation>已写出 {0} 的副本（{1} 篇文档）：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="128"/>
        <source>Merge coders&apos; copies</source>
        <translation>合并编码员副本</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="129"/>
        <source>Annotator projects (*{0})</source>
        <translation>Annotator 项目 (*{0})</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="146"/>
        <source>{0}: {1} documents added ({2} matched), {3} codes, {4} coders, {5} codings added, {6} updated, {7} unchanged, {8} reviews</source>
        <translation>{0}：新增文档 {1} 篇（匹配 {2} 篇），编码 {3} 个，编码员 {4} 位，新增标注 {5} 个，更新 {6} 个，未变 {7} 个，审阅 {8} 条</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="151"/>
        <source>Merge done</source>
        <translation>合并完成</translation>
    </message>
    <message>
        <location filename="../../ui/teamwork_menu.py" line="152"/>
        <source>Edit → Undo takes the whole merge back.</source>
        <translation>编辑 → 撤销 可撤回整个合并。</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../ui/window_menus.py" line="45"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="47"/>
        <source>Show only my codings (blind coding)</source>
        <translation>只显示我的标注（盲编码）</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="53"/>
        <source>Keyword suggestions</source>
        <translation>关键词建议</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="58"/>
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="62"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="89"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="90"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="91"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="96"/>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="98"/>
        <source>Find a code…</source>
        <translation>查找编码…</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="100"/>
        <source>Snap selection to words</source>
        <translation>选区对齐到词</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="104"/>
        <source>Extend selection to the sentence</source>
        <translation>选区扩展到整句</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="108"/>
        <source>Extend selection to the clause</source>
        <translation>选区扩展到分句</translation>
    </message>
    <message>
        <location filename="../../ui/window_menus.py" line="115"/>
        <source>Document details…</source>
        <translation>文档信息…</translation>
    </message>
</context>
<context>
    <name>WordFrequencyTab</name>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="176"/>
        <source>Count</source>
        <extracomment>The last count: group → words, most frequent first.</extracomment>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="180"/>
        <source>Edit word lists…</source>
        <translation>编辑词表…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="182"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="186"/>
        <source>Group by:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="187"/>
        <source>Minimum length:</source>
        <translation>最短词长：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="188"/>
        <source>Top:</source>
        <translation>前：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="195"/>
        <source>Group:</source>
        <translation>组：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="202"/>
        <source>word-frequencies</source>
        <translation>词频</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="213"/>
        <location filename="../../ui/dialogs/stats_dialog.py" line="236"/>
        <source>Whole corpus</source>
        <translation>全部语料</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="213"/>
        <source>Each document</source>
        <translation>逐篇文档</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="237"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="249"/>
        <source>Most frequent words: {0}</source>
        <translation>高频词：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="252"/>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="252"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="252"/>
        <source>Count</source>
        <comment>how often</comment>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="268"/>
        <source>Export word frequencies</source>
        <translation>导出词频</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stats_dialog.py" line="268"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>WordListsDialog</name>
    <message>
        <location filename="../../ui/dialogs/word_lists_dialog.py" line="27"/>
        <source>Word lists</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/word_lists_dialog.py" line="31"/>
        <source>Dictionary terms (kept whole)</source>
        <translation>自定义词（不切分）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/word_lists_dialog.py" line="32"/>
        <source>Stop words (left out)</source>
        <translation>停用词（不计）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/word_lists_dialog.py" line="43"/>
        <source>One word per line.</source>
        <translation>每行一个词。</translation>
    </message>
</context>
</TS>
