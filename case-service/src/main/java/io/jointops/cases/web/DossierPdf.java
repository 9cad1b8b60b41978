package io.jointops.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import io.jointops.audit.Bundle;
import io.jointops.audit.Bundles;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.cooperation.CooperationRequestView;
import io.jointops.platform.evidence.CustodyEntry;
import io.jointops.platform.evidence.EvidenceFile;
import io.jointops.platform.evidence.EvidenceLedger;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A case's dossier as a PDF: what one agency may see of the case (its summary, agencies, timeline, linked items,
 * evidence files with their custody) and an appendix with the signed checkpoint and the inclusion proofs of the
 * case's events, rendered from the export bundles that travel inside the PDF as attached files. Bilingual headings
 * (Chinese, English); every glyph comes from one embedded TrueType font, subset into the PDF, so it renders anywhere.
 * Pure: it renders what it is given, and decides nothing about who may see what.
 * <p>
 * Written as it goes: OpenPDF writes each page out when it is full, and long tables are added in parts, so a large
 * dossier is never held whole in memory.
 */
final class DossierPdf {

    /**
     * What one agency is shown of a case, ready to print.
     *
     * @param shown     the case as {@code agency} is shown it ({@link CaseView#shownTo})
     * @param agency    the agency the dossier is produced for (joint auditors: every event)
     * @param timeline  the case's timeline as {@link Timeline} shows it to that agency
     * @param evidence  the files of the case and of the requests it sees, with their custody
     * @param proofs    the export bundles (the case's first), each with the file it was written to
     */
    record Content(CaseView shown, String agency, String producedBy, Instant producedAt,
                   List<CooperationRequestView> requests, List<Timeline.Entry> timeline,
                   List<ItemEvidence> evidence, List<Proofs> proofs) {
    }

    /** The files of one item (the case, or one of its cooperation requests). */
    record ItemEvidence(String label, String itemId, List<EvidenceLedger.FileRecord> files) {
    }

    /**
     * The export bundle of one item for the dossier's agency: {@code bundle} is its file, attached to the PDF as
     * {@code attachment}; null (with {@code missing} saying why) when no signed checkpoint covers the item yet.
     */
    record Proofs(String label, String itemId, Path bundle, String attachment, String missing) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int ROWS_PER_PART = 50;
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final Color RULE = new Color(0x99, 0x99, 0x99);

    private final BaseFont font;
    private final Font title;
    private final Font heading;
    private final Font subheading;
    private final Font body;
    private final Font bold;
    private final Font small;
    private final Font smallBold;

    /** @param font an embeddable Unicode TrueType font with CJK glyphs, loaded as Identity-H */
    DossierPdf(BaseFont font) {
        this.font = font;
        this.title = new Font(font, 18, Font.BOLD);
        this.heading = new Font(font, 13, Font.BOLD);
        this.subheading = new Font(font, 10.5f, Font.BOLD);
        this.body = new Font(font, 9);
        this.bold = new Font(font, 9, Font.BOLD);
        this.small = new Font(font, 7.5f);
        this.smallBold = new Font(font, 7.5f, Font.BOLD);
    }

    /** Writes the dossier to {@code out} (not closed). */
    void write(Content content, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4, 42, 42, 54, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new Marking(content));
            document.addTitle("Case dossier " + content.shown().id());
            document.addSubject("案件卷宗 Case dossier: " + content.shown().title());
            document.addCreator("JointOps");
            document.open();
            cover(document, content);
            summary(document, content);
            agencies(document, content);
            timeline(document, content);
            linkedItems(document, content);
            evidence(document, content);
            appendix(document, writer, content);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("the dossier could not be rendered: " + e.getMessage(), e);
        }
    }

    // --- sections

    private void cover(Document document, Content content) throws DocumentException {
        CaseView shown = content.shown();
        Paragraph title = new Paragraph("案件卷宗  Case Dossier", this.title);
        title.setSpacingAfter(6);
        document.add(title);
        Paragraph name = new Paragraph(shown.title(), heading);
        name.setSpacingAfter(8);
        document.add(name);
        PdfPTable table = fields();
        field(table, "案件编号 Case ID", shown.id());
        field(table, "制作对象 Produced for", content.agency());
        field(table, "制作人 Produced by", content.producedBy());
        field(table, "制作时间 Produced at", time(content.producedAt()));
        field(table, "标记 Marking", shown.tlp() + " · " + shown.handlingCode());
        document.add(table);
        document.add(note("本卷宗仅包含上述机构可查看的内容；附录载有已签名检查点及事件包含证明，审计包作为附件嵌入本文件。"
                + " This dossier holds only what the agency above may see of the case. The appendix gives the signed"
                + " checkpoint and the inclusion proofs of the case's events; the export bundles they come from are"
                + " attached to this PDF for the offline verifier."));
    }

    private void summary(Document document, Content content) throws DocumentException {
        CaseView shown = content.shown();
        section(document, "1", "案件摘要", "Case summary");
        PdfPTable table = fields();
        field(table, "标题 Title", shown.title());
        field(table, "摘要 Summary", shown.summary());
        field(table, "状态 Status", shown.status() + (shown.closingReason() == null ? "" : " (" + shown.closingReason() + ")"));
        field(table, "TLP / 处置代码 Handling code", shown.tlp() + " / " + shown.handlingCode());
        field(table, "立案 Opened", time(shown.openedAt()) + " · " + shown.openedBy());
        field(table, "更新 Updated", time(shown.updatedAt()) + " · version " + shown.version());
        field(table, "标签 Tags", shown.tags().isEmpty() ? "—" : String.join(", ", shown.tags()));
        document.add(table);
    }

    private void agencies(Document document, Content content) throws DocumentException {
        CaseView shown = content.shown();
        section(document, "2", "参与机构", "Agencies and partners");
        PdfPTable table = fields();
        field(table, "牵头机构 Lead agency", shown.leadAgency());
        field(table, "合作机构 Partners", shown.partnerAgencies().isEmpty() ? "—" : String.join(", ", shown.partnerAgencies()));
        document.add(table);
        subsection(document, "成员 Members");
        PdfPTable members = table(new float[]{3, 2, 2, 3}, "用户 User", "机构 Agency", "角色 Role", "加入 Added");
        for (CaseView.Member member : shown.members()) {
            cells(members, member.username(), member.agency(), member.role(), time(member.addedAt()));
        }
        empty(members, shown.members().isEmpty(), 4);
        document.add(members);
        if (!content.requests().isEmpty()) {
            subsection(document, "合作请求 Cooperation requests");
            PdfPTable requests = table(new float[]{3, 3, 2, 2, 3}, "请求 Request", "请求方 → 接收方 From → to",
                    "类型 Type", "状态 Status", "发出 Sent");
            for (CooperationRequestView request : content.requests()) {
                cells(requests, request.id(), request.requestingAgency() + " → " + request.receivingAgency(),
                        request.type(), request.status(), time(request.sentAt()) + " · " + request.sentBy());
            }
            document.add(requests);
        }
    }

    private void timeline(Document document, Content content) throws DocumentException {
        section(document, "3", "时间线", "Timeline");
        document.add(note("按平台记录顺序列出本机构可查看的事件（案件及其合作请求）。"
                + " The events of the case and of its cooperation requests that the agency may see, in the order"
                + " the platform recorded them."));
        PdfPTable table = table(new float[]{2.6f, 3.2f, 2.4f, 7}, "时间 Time", "事件 Event", "人员 By", "内容 Details");
        table.setComplete(false);
        int rows = 0;
        for (Timeline.Entry entry : content.timeline()) {
            cells(table, time(entry.timestamp()), shortType(entry.type())
                            + (entry.source().equals("case") ? "" : "\n" + entry.source() + " " + entry.itemId()),
                    entry.actor() + "\n" + entry.agency(), details(entry.payload()));
            if (++rows % ROWS_PER_PART == 0) {
                document.add(table); // written out; the table goes on with the next rows
            }
        }
        empty(table, rows == 0, 4);
        table.setComplete(true);
        document.add(table);
    }

    private void linkedItems(Document document, Content content) throws DocumentException {
        section(document, "4", "关联项目", "Linked items");
        List<CaseView.LinkedItem> items = content.shown().linkedItems();
        PdfPTable table = table(new float[]{2.5f, 3.5f, 4, 2, 2.6f}, "类型 Type", "编号 ID", "标题 Title",
                "状态 Status", "关联 Linked");
        for (CaseView.LinkedItem item : items) {
            cells(table, item.type(), item.id(), item.title(), item.status() == null ? "—" : item.status(),
                    time(item.linkedAt()));
        }
        empty(table, items.isEmpty(), 5);
        document.add(table);
    }

    private void evidence(Document document, Content content) throws DocumentException {
        section(document, "5", "证据清单", "Evidence files and chain of custody");
        document.add(note("SHA-256 由平台在接收文件时计算并记入事件；离线验证器可据此核对移交的文件。"
                + " Each SHA-256 was computed by the platform on receipt and logged in the file's event: the offline"
                + " verifier checks a file handed over against it (audit-verifier --file)."));
        boolean any = false;
        for (ItemEvidence item : content.evidence()) {
            for (EvidenceLedger.FileRecord record : item.files()) {
                any = true;
                file(document, item, record);
            }
        }
        if (!any) {
            document.add(new Paragraph("无证据文件 No evidence files.", body));
        }
    }

    private void file(Document document, ItemEvidence item, EvidenceLedger.FileRecord record) throws DocumentException {
        EvidenceFile file = record.file();
        subsection(document, file.name());
        PdfPTable table = fields();
        field(table, "所属 Item", item.label() + " " + item.itemId());
        field(table, "文件编号 File ID", file.fileId());
        field(table, "类型 Type / 大小 Size", file.contentType() + " / " + file.size() + " bytes");
        fieldSmall(table, "SHA-256", file.sha256());
        field(table, "添加 Added", time(file.addedAt()) + " · " + file.addedBy() + " (" + file.agency() + ")");
        field(table, "理由 Reason", file.reason());
        if (file.supersedes() != null) {
            field(table, "替代 Supersedes", file.supersedes());
        }
        if (file.supersededBy() != null) {
            field(table, "已被替代 Superseded by", file.supersededBy() + " · " + time(file.supersededAt()));
        }
        document.add(table);
        PdfPTable custody = table(new float[]{2.6f, 2.2f, 3, 6}, "时间 Time", "操作 Action", "人员 By",
                "详情 Details");
        for (CustodyEntry entry : record.custody()) {
            List<String> details = new ArrayList<>();
            if (entry.sharedWith() != null && !entry.sharedWith().isEmpty()) {
                details.add("shared with " + String.join(", ", entry.sharedWith()));
            }
            if (entry.range() != null) {
                details.add("range " + entry.range());
            }
            if (entry.chunk() != null) {
                details.add("altered chunk " + entry.chunk());
            }
            if (entry.supersededBy() != null) {
                details.add("superseded by " + entry.supersededBy());
            }
            if (entry.reason() != null) {
                details.add(entry.reason());
            }
            details.add("event " + entry.eventId());
            cells(custody, time(entry.at()), entry.action(), entry.by() + " (" + entry.agency() + ")",
                    String.join("\n", details));
        }
        empty(custody, record.custody().isEmpty(), 4);
        document.add(custody);
    }

    private void appendix(Document document, PdfWriter writer, Content content) throws DocumentException, IOException {
        document.newPage();
        section(document, "附录", "审计证明", "Appendix: checkpoint and inclusion proofs");
        document.add(note("以下各项取自附件中的审计包（jointops-audit-bundle），与其内容一致。验证：用 pdfdetach -saveall"
                + " 或阅读器的附件面板取出审计包，然后运行 java -jar audit-verifier.jar --origin jointops --key"
                + " 机构=公钥.pem ... [--file 证据文件] 审计包.json。"
                + " What follows is read from the audit bundles attached to this PDF. To verify, save the attachments"
                + " (pdfdetach -saveall, or a reader's attachments pane) and run java -jar audit-verifier.jar --origin"
                + " jointops --key AGENCY=public-key.pem ... [--file evidence-file] bundle.json under the keys you"
                + " trust, never those the bundle carries. Events shown as withheld are proven by their content hash"
                + " alone: the agency may not see them."));
        for (Proofs proofs : content.proofs()) {
            subsection(document, proofs.label() + " " + proofs.itemId());
            if (proofs.bundle() == null) {
                document.add(new Paragraph(proofs.missing(), body));
                continue;
            }
            PdfFileSpecification attached = PdfFileSpecification.fileEmbedded(writer, proofs.bundle().toString(),
                    proofs.attachment(), null, "application/json", null, com.lowagie.text.pdf.PdfStream.DEFAULT_COMPRESSION);
            writer.addFileAttachment(proofs.label() + " " + proofs.itemId(), attached);
            try (InputStream in = Files.newInputStream(proofs.bundle()); Bundles.Reader reader = Bundles.open(in)) {
                bundle(document, proofs, reader.header(), reader.events());
            }
        }
    }

    private void bundle(Document document, Proofs proofs, Bundle header, Iterator<Bundle.Entry> entries)
            throws DocumentException {
        PdfPTable table = fields();
        field(table, "附件 Attachment", proofs.attachment() + " (" + header.format() + ")");
        field(table, "日志 Log", header.origin());
        if (header.eventsAfterCheckpoint() > 0) {
            field(table, "未覆盖 Not yet covered", header.eventsAfterCheckpoint()
                    + " later event(s), not covered by the checkpoint below yet");
        }
        document.add(table);
        for (Bundle.SignedCheckpoint checkpoint : header.checkpoints()) {
            PdfPTable signed = fields();
            field(signed, "检查点 Checkpoint", "tree size " + checkpoint.treeSize() + " · " + checkpoint.time()
                    + " · last position " + checkpoint.lastPosition());
            fieldSmall(signed, "根哈希 Root hash", checkpoint.rootHash());
            field(signed, "签署机构 Signed by", String.join(", ", checkpoint.agencies()));
            for (var signature : checkpoint.signatures()) {
                fieldSmall(signed, "签名 " + signature.agency(), "key " + signature.keyId() + "\n" + signature.signature());
            }
            document.add(signed);
        }
        for (Bundle.ConsistencyProof proof : header.consistencyProofs()) {
            PdfPTable consistency = fields();
            fieldSmall(consistency, "一致性证明 Consistency " + proof.fromSize() + " → " + proof.toSize(),
                    String.join("\n", proof.proof()));
            document.add(consistency);
        }
        PdfPTable events = table(new float[]{1.2f, 3.6f, 1.6f, 8}, "序号 Seq", "事件 Event", "叶 Leaf",
                "内容哈希与包含证明 Content hash, inclusion proof");
        events.setComplete(false);
        long sequence = 0;
        while (entries.hasNext()) {
            Bundle.Entry entry = entries.next();
            Bundle.Event event = entry.event();
            String what = entry.isHashOnly() ? "已隐去 withheld" : event == null ? "— (not stored)"
                    : shortType(event.payloadType()) + "\n" + event.timeStamp();
            long seq = event != null ? event.sequenceNumber() : sequence;
            List<String> proof = entry.inclusionProof() == null ? List.of() : entry.inclusionProof();
            smallCells(events, String.valueOf(seq), what, entry.leafIndex() == null ? "—" : entry.leafIndex()
                    + "\npos " + entry.position(), entry.contentHash() + (proof.isEmpty() ? ""
                    : "\n" + String.join("\n", proof.stream().map(hash -> "  " + hash).toList())));
            sequence = seq + 1;
            if (sequence % ROWS_PER_PART == 0) {
                document.add(events);
            }
        }
        events.setComplete(true);
        document.add(events);
    }

    // --- building blocks

    private void section(Document document, String number, String chinese, String english) throws DocumentException {
        Paragraph paragraph = new Paragraph(number + "  " + chinese + "  " + english, heading);
        paragraph.setSpacingBefore(14);
        paragraph.setSpacingAfter(6);
        document.add(paragraph);
    }

    private void subsection(Document document, String text) throws DocumentException {
        Paragraph paragraph = new Paragraph(text, subheading);
        paragraph.setSpacingBefore(8);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    private Paragraph note(String text) {
        Paragraph paragraph = new Paragraph(text, small);
        paragraph.setSpacingBefore(4);
        paragraph.setSpacingAfter(6);
        return paragraph;
    }

    private PdfPTable fields() {
        PdfPTable table = new PdfPTable(new float[]{1.3f, 4});
        table.setWidthPercentage(100);
        table.setSpacingAfter(4);
        return table;
    }

    private void field(PdfPTable table, String label, String value) {
        table.addCell(cell(label, bold, SHADE));
        table.addCell(cell(value == null || value.isEmpty() ? "—" : value, body, null));
    }

    private void fieldSmall(PdfPTable table, String label, String value) {
        table.addCell(cell(label, bold, SHADE));
        table.addCell(cell(value, small, null));
    }

    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String header : headers) {
            table.addCell(cell(header, headers.length > 4 ? smallBold : bold, SHADE));
        }
        return table;
    }

    private void cells(PdfPTable table, String... values) {
        for (String value : values) {
            table.addCell(cell(value, body, null));
        }
    }

    private void smallCells(PdfPTable table, String... values) {
        for (String value : values) {
            table.addCell(cell(value, small, null));
        }
    }

    private void empty(PdfPTable table, boolean empty, int columns) {
        if (empty) {
            PdfPCell cell = cell("无 None", body, null);
            cell.setColspan(columns);
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "—" : text, font));
        cell.setPadding(3);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.4f);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    /** A payload's fields as lines of {@code name: value}; the case's own id left out (it is the dossier's). */
    static String details(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return payload == null ? "" : payload.toString();
        }
        List<String> lines = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("caseId") || value.isNull() || value.isArray() && value.isEmpty()) {
                continue;
            }
            lines.add(field.getKey() + ": " + (value.isTextual() ? value.asText() : value.toString()));
        }
        return String.join("\n", lines);
    }

    /** {@code io.jointops.api.cases.CaseNoteAddedEvent} and {@code CaseNoteAddedEvent} as {@code CaseNoteAdded}. */
    static String shortType(String type) {
        String simple = type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }

    private static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** The case's marking at the top of every page, the page number and the agency at the bottom. */
    private final class Marking extends PdfPageEventHelper {
        private final Content content;

        Marking(Content content) {
            this.content = content;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            canvas.beginText();
            canvas.setFontAndSize(font, 7.5f);
            canvas.showTextAligned(Element.ALIGN_LEFT, content.shown().tlp() + " · " + content.shown().handlingCode()
                    + " · 案件卷宗 Case dossier " + content.shown().id(), document.left(), page.getTop() - 30, 0);
            canvas.showTextAligned(Element.ALIGN_LEFT, "制作对象 for " + content.agency() + " · "
                    + time(content.producedAt()), document.left(), 26, 0);
            canvas.showTextAligned(Element.ALIGN_RIGHT, "第 " + writer.getPageNumber() + " 页 Page "
                    + writer.getPageNumber(), document.right(), 26, 0);
            canvas.endText();
        }
    }
}
