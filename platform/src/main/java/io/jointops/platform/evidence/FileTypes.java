package io.jointops.platform.evidence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types of file accepted as evidence, told from their bytes (magic numbers), never from what the client declares.
 * A small table rather than Apache Tika: Tika's core alone detects by magic and name, so a Word document is a plain
 * ZIP to it unless the client's file name says otherwise; telling them apart takes its container detectors (POI and
 * more). Nothing is ever unpacked:
 * <ul>
 * <li>OOXML (docx, xlsx, pptx) is a ZIP whose central directory (at the file's end, read from the last bytes kept
 *     while the upload streams) names {@code [Content_Types].xml} and the main part of its kind
 *     ({@code word/document.xml}, {@code xl/workbook.xml}, {@code ppt/presentation.xml}); a document with macros
 *     ({@code vbaProject.bin}) is not accepted. Entry names are read, no entry is inflated.</li>
 * <li>OpenDocument (odt, ods, odp) starts with the stored, uncompressed entry {@code mimetype} that names its type
 *     (ODF 1.2, part 3, 3.3), read from the first bytes.</li>
 * <li>A ZIP that is neither is an archive, and archives are not accepted.</li>
 * <li>Legacy Office files (doc, xls, ppt) are OLE2 compound files: which of the three one is can only be read from its
 *     directory, which may sit anywhere in the file; the declared one of the three is taken for an OLE2 file.</li>
 * <li>Text (plain or CSV, which bytes cannot tell apart) is UTF-8 throughout without NUL or control characters other
 *     than tab, CR, LF and form feed: checked on every byte as it streams.</li>
 * </ul>
 */
public final class FileTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String TIFF = "image/tiff";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    public static final String ODP = "application/vnd.oasis.opendocument.presentation";
    public static final String DOC = "application/msword";
    public static final String XLS = "application/vnd.ms-excel";
    public static final String PPT = "application/vnd.ms-powerpoint";

    /** Every type accepted, as declared in {@code Content-Type}. */
    public static final Set<String> ACCEPTED = Set.of(PDF, JPEG, PNG, TIFF, TEXT, CSV, DOCX, XLSX, PPTX, ODT, ODS,
            ODP, DOC, XLS, PPT);

    /** How many first bytes {@link #sniff} needs (fewer only when the file is shorter). */
    public static final int HEAD = 4096;
    /** How many last bytes an OOXML check keeps: room for the end record and a central directory of ~1,000 entries. */
    public static final int TAIL = 128 * 1024;

    /** What the first bytes say: the type, or a family still to be told apart by more of the file. */
    enum Kind { EXACT, OOXML_OR_ZIP, OLE2, TEXT, UNKNOWN }

    record Sniffed(Kind kind, String type) {
        static final Sniffed UNKNOWN = new Sniffed(Kind.UNKNOWN, null);
    }

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] TIFF_LE = {'I', 'I', '*', 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, '*'};
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final Set<String> ODF = Set.of(ODT, ODS, ODP);
    private static final Map<String, String> OOXML_MAIN_PART = Map.of(
            "word/document.xml", DOCX, "xl/workbook.xml", XLSX, "ppt/presentation.xml", PPTX);
    private static final Set<String> OLE2_TYPES = Set.of(DOC, XLS, PPT);

    private FileTypes() {
    }

    /** The declared {@code Content-Type} as an accepted type (no parameters, lower case), if it is one. */
    public static Optional<String> accepted(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        int semicolon = declared.indexOf(';');
        String type = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return ACCEPTED.contains(type) ? Optional.of(type) : Optional.empty();
    }

    /** What the first {@code length} bytes of a file say it is. */
    static Sniffed sniff(byte[] head, int length) {
        if (startsWith(head, length, PDF_MAGIC)) {
            return new Sniffed(Kind.EXACT, PDF);
        }
        if (startsWith(head, length, PNG_MAGIC)) {
            return new Sniffed(Kind.EXACT, PNG);
        }
        if (startsWith(head, length, JPEG_MAGIC)) {
            return new Sniffed(Kind.EXACT, JPEG);
        }
        if (startsWith(head, length, TIFF_LE) || startsWith(head, length, TIFF_BE)) {
            return new Sniffed(Kind.EXACT, TIFF);
        }
        if (startsWith(head, length, OLE2)) {
            return new Sniffed(Kind.OLE2, null);
        }
        if (startsWith(head, length, ZIP_LOCAL)) {
            String odf = openDocumentType(head, length);
            return odf != null ? new Sniffed(Kind.EXACT, odf) : new Sniffed(Kind.OOXML_OR_ZIP, null);
        }
        if (length > 0) {
            return new Sniffed(Kind.TEXT, null); // confirmed (or refused) byte by byte as the file streams
        }
        return Sniffed.UNKNOWN;
    }

    /**
     * Whether a file whose head sniffed {@code sniffed} can be of {@code declared}; the final word on text and OOXML
     * comes from {@link TextCheck} and {@link #ooxmlType} once the whole file has passed.
     */
    static boolean compatible(String declared, Sniffed sniffed) {
        return switch (sniffed.kind()) {
            case EXACT -> sniffed.type().equals(declared);
            case OOXML_OR_ZIP -> OOXML_MAIN_PART.containsValue(declared);
            case OLE2 -> OLE2_TYPES.contains(declared);
            case TEXT -> declared.equals(TEXT) || declared.equals(CSV);
            case UNKNOWN -> false;
        };
    }

    /** What the bytes were found to be, as a problem names it. */
    static String describe(Sniffed sniffed) {
        return switch (sniffed.kind()) {
            case EXACT -> sniffed.type();
            case OOXML_OR_ZIP -> "a ZIP archive";
            case OLE2 -> "an OLE2 compound file (legacy Office)";
            case TEXT -> "text";
            case UNKNOWN -> "empty";
        };
    }

    /** The ODF type named by a stored first entry {@code mimetype}, or null. */
    private static String openDocumentType(byte[] head, int length) {
        if (length < 38 || u16(head, 8) != 0 || u16(head, 26) != 8 || !startsWith(head, 30, length, ascii("mimetype"))) {
            return null;
        }
        int extra = u16(head, 28);
        int start = 38 + extra;
        long size = u32(head, 18);
        if (size <= 0 || size > 100 || start + size > length) {
            return null;
        }
        String type = new String(head, start, (int) size, StandardCharsets.US_ASCII);
        return ODF.contains(type) ? type : null;
    }

    /**
     * The OOXML type of a ZIP from its central directory, read from the file's last {@code length} bytes in
     * {@code tail}: empty if the directory is not there or not an Office document's (an archive, a document with
     * macros, a ZIP64 or a multi-disk archive).
     */
    static Optional<String> ooxmlType(byte[] tail, int length) {
        int end = -1;
        for (int i = length - 22; i >= Math.max(0, length - 22 - 0xFFFF); i--) {
            if (u32(tail, i) == 0x06054b50L) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        long entries = u16(tail, end + 10);
        long directorySize = u32(tail, end + 12);
        if (u16(tail, end + 4) != 0 || entries == 0xFFFF || directorySize == 0xFFFFFFFFL
                || directorySize > end) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        int at = (int) (end - directorySize);
        for (long n = 0; n < entries; n++) {
            if (at + 46 > end || u32(tail, at) != 0x02014b50L) {
                return Optional.empty();
            }
            int nameLength = u16(tail, at + 28);
            int next = at + 46 + nameLength + u16(tail, at + 30) + u16(tail, at + 32);
            if (next > end) {
                return Optional.empty();
            }
            names.add(new String(tail, at + 46, nameLength, StandardCharsets.UTF_8));
            at = next;
        }
        if (!names.contains("[Content_Types].xml") || names.stream().anyMatch(n -> n.endsWith("vbaProject.bin"))) {
            return Optional.empty();
        }
        List<String> kinds = OOXML_MAIN_PART.entrySet().stream().filter(e -> names.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return kinds.size() == 1 ? Optional.of(kinds.get(0)) : Optional.empty();
    }

    /** Text as accepted: UTF-8 throughout, no NUL and no control characters but tab, CR, LF and form feed. */
    static final class TextCheck {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private boolean text = true;

        void update(byte[] bytes, int offset, int length) {
            if (!text) {
                return;
            }
            ByteBuffer in;
            if (carry.hasRemaining()) {
                in = ByteBuffer.allocate(carry.remaining() + length);
                in.put(carry).put(bytes, offset, length).flip();
            } else {
                in = ByteBuffer.wrap(bytes, offset, length);
            }
            decode(in, false);
            carry = in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : ByteBuffer.allocate(0);
        }

        boolean isText() {
            if (text) {
                decode(carry, true);
                text = text && !carry.hasRemaining();
            }
            return text;
        }

        private void decode(ByteBuffer in, boolean endOfInput) {
            while (text) {
                chars.clear();
                CoderResult result = decoder.decode(in, chars, endOfInput);
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                        text = false;
                    }
                }
                if (result.isError()) {
                    text = false;
                } else if (result.isUnderflow()) {
                    return;
                }
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        return startsWith(bytes, 0, length, prefix);
    }

    private static boolean startsWith(byte[] bytes, int offset, int length, byte[] prefix) {
        if (offset + prefix.length > length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
