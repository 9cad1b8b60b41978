package io.jointops.platform.evidence;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.jointops.platform.evidence.FileTypes.Kind;
import static org.assertj.core.api.Assertions.assertThat;

/** The signature table: each accepted type told from its bytes, and what looks alike told apart. */
class FileTypesTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] TIFF = {'I', 'I', '*', 0, 8, 0, 0, 0};
    static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0};

    @Test
    void magicNumbersTellTheExactTypes() {
        assertThat(sniff(PDF)).isEqualTo(new FileTypes.Sniffed(Kind.EXACT, FileTypes.PDF));
        assertThat(sniff(PNG)).isEqualTo(new FileTypes.Sniffed(Kind.EXACT, FileTypes.PNG));
        assertThat(sniff(JPEG)).isEqualTo(new FileTypes.Sniffed(Kind.EXACT, FileTypes.JPEG));
        assertThat(sniff(TIFF)).isEqualTo(new FileTypes.Sniffed(Kind.EXACT, FileTypes.TIFF));
        assertThat(sniff(new byte[]{'M', 'M', 0, '*', 0, 0, 0, 8})).isEqualTo(new FileTypes.Sniffed(Kind.EXACT,
                FileTypes.TIFF));
        assertThat(sniff(OLE2).kind()).isEqualTo(Kind.OLE2);
        assertThat(sniff(new byte[0]).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void aDeclaredTypeMustMatchTheBytes() {
        assertThat(FileTypes.compatible(FileTypes.PDF, sniff(PDF))).isTrue();
        assertThat(FileTypes.compatible(FileTypes.PDF, sniff(PNG))).isFalse();
        assertThat(FileTypes.compatible(FileTypes.JPEG, sniff(PNG))).isFalse();
        assertThat(FileTypes.compatible(FileTypes.TEXT, sniff(PDF))).isFalse();
        assertThat(FileTypes.compatible(FileTypes.DOC, sniff(OLE2))).isTrue();
        assertThat(FileTypes.compatible(FileTypes.XLS, sniff(OLE2))).isTrue();
        assertThat(FileTypes.compatible(FileTypes.PDF, sniff(OLE2))).isFalse();
        byte[] text = "date,amount\n2025-01-02,100\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FileTypes.compatible(FileTypes.CSV, sniff(text))).isTrue();
        assertThat(FileTypes.compatible(FileTypes.PDF, sniff(text))).isFalse();
    }

    @Test
    void onlyTheAcceptedTypesAreTakenAsDeclared() {
        assertThat(FileTypes.accepted("application/pdf")).contains(FileTypes.PDF);
        assertThat(FileTypes.accepted("Text/Plain; charset=utf-8")).contains(FileTypes.TEXT);
        assertThat(FileTypes.accepted("application/zip")).isEmpty();
        assertThat(FileTypes.accepted("application/octet-stream")).isEmpty();
        assertThat(FileTypes.accepted("text/html")).isEmpty();
        assertThat(FileTypes.accepted(null)).isEmpty();
    }

    @Test
    void officeDocumentsAreToldFromPlainZipsByTheirCentralDirectory() throws IOException {
        byte[] docx = zip(false, "[Content_Types].xml", "_rels/.rels", "word/document.xml");
        byte[] xlsx = zip(false, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        byte[] pptx = zip(false, "[Content_Types].xml", "ppt/presentation.xml");
        byte[] plain = zip(false, "photos/seizure.jpg", "notes.txt");
        byte[] docm = zip(false, "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");
        byte[] renamed = zip(false, "word/document.xml"); // no [Content_Types].xml: a ZIP, whatever its entries

        assertThat(sniff(docx).kind()).isEqualTo(Kind.OOXML_OR_ZIP);
        assertThat(FileTypes.compatible(FileTypes.DOCX, sniff(docx))).isTrue();
        assertThat(FileTypes.ooxmlType(docx, docx.length)).contains(FileTypes.DOCX);
        assertThat(FileTypes.ooxmlType(xlsx, xlsx.length)).contains(FileTypes.XLSX);
        assertThat(FileTypes.ooxmlType(pptx, pptx.length)).contains(FileTypes.PPTX);
        assertThat(FileTypes.ooxmlType(plain, plain.length)).isEmpty();
        assertThat(FileTypes.ooxmlType(docm, docm.length)).isEmpty();
        assertThat(FileTypes.ooxmlType(renamed, renamed.length)).isEmpty();
        // the directory read from the last bytes only, as an upload keeps them
        byte[] tail = Arrays.copyOfRange(xlsx, 40, xlsx.length); // not the first local header
        assertThat(FileTypes.ooxmlType(tail, tail.length)).contains(FileTypes.XLSX);
        // a truncated file has no end record
        assertThat(FileTypes.ooxmlType(docx, docx.length - 10)).isEmpty();
    }

    @Test
    void openDocumentIsToldByItsStoredMimetypeEntry() throws IOException {
        byte[] odt = odf("application/vnd.oasis.opendocument.text");
        assertThat(sniff(odt)).isEqualTo(new FileTypes.Sniffed(Kind.EXACT, FileTypes.ODT));
        assertThat(sniff(odf("application/vnd.oasis.opendocument.spreadsheet")).type()).isEqualTo(FileTypes.ODS);
        // an unknown type in the mimetype entry: a ZIP like any other
        assertThat(sniff(odf("application/x-anything")).kind()).isEqualTo(Kind.OOXML_OR_ZIP);
        assertThat(FileTypes.compatible(FileTypes.ODT, sniff(zip(false, "content.xml")))).isFalse();
    }

    @Test
    void textIsUtf8WithoutControlCharactersThroughout() {
        assertThat(text("Operation Nightjar 夜鹰行动\r\n\tamount;100\f")).isTrue();
        assertThat(text("a\u0000b")).isFalse();
        assertThat(text("bell\u0007")).isFalse();
        FileTypes.TextCheck invalid = new FileTypes.TextCheck();
        invalid.update(new byte[]{'a', (byte) 0xC3, 0x28}, 0, 3);
        assertThat(invalid.isText()).isFalse();
        // a character split across two chunks is still one character
        byte[] han = "行".getBytes(StandardCharsets.UTF_8);
        FileTypes.TextCheck split = new FileTypes.TextCheck();
        split.update(han, 0, 1);
        split.update(han, 1, 2);
        assertThat(split.isText()).isTrue();
        // ... but a file that ends in the middle of one is not text
        FileTypes.TextCheck cut = new FileTypes.TextCheck();
        cut.update(han, 0, 2);
        assertThat(cut.isText()).isFalse();
    }

    private static boolean text(String s) {
        FileTypes.TextCheck check = new FileTypes.TextCheck();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        check.update(bytes, 0, bytes.length);
        return check.isText();
    }

    private static FileTypes.Sniffed sniff(byte[] bytes) {
        return FileTypes.sniff(bytes, Math.min(bytes.length, FileTypes.HEAD));
    }

    /** A ZIP with the entries named (deflated, as Office writes them; each a few bytes). */
    static byte[] zip(boolean stored, String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("<x>" + name + "</x>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An OpenDocument file: first entry {@code mimetype}, stored uncompressed. */
    static byte[] odf(String type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] content = type.getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(content);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
