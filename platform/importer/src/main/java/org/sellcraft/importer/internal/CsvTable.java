package org.sellcraft.importer.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A comma-separated file in UTF-8 (with or without byte order mark) or GB18030, possibly gzip-compressed, with CRLF,
 * LF or bare CR line endings. Bytes that are not valid in the character set stop the import rather than turning into
 * replacement characters.
 */
final class CsvTable implements Table {

    /** How much of the file is looked at to tell UTF-8 from GB18030. */
    static final int SAMPLE_BYTES = 64 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int BUFFER_BYTES = 64 * 1024;

    // Empty lines are kept (and skipped here) so that the parser's line count stays the file's.
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final Path file;
    private final String fileName;
    private final boolean gzip;
    private final CountingInputStream counted;
    private final long size;
    private final Charset charset;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private boolean ended;

    private CsvTable(
            Path file, String fileName, boolean gzip, CountingInputStream counted, Charset charset, Reader reader)
            throws IOException {
        this.file = file;
        this.fileName = fileName;
        this.gzip = gzip;
        this.counted = counted;
        this.size = Math.max(1, Files.size(file));
        this.charset = charset;
        this.parser = FORMAT.parse(reader);
        this.records = parser.iterator();
        Row first = next();
        if (first == null) {
            parser.close();
            throw new ImportFailure("File '" + fileName + "' is empty: it has no header row");
        }
        this.header = first.values().stream().map(Table::headerName).toList();
    }

    static CsvTable open(Path file, String fileName, String requested, boolean gzip) throws IOException {
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        try {
            InputStream in = decompressed(counted, gzip);
            Charset charset = charsetOf(in, requested);
            Reader reader = new InputStreamReader(in, strict(charset));
            return new CsvTable(file, fileName, gzip, counted, charset, reader);
        } catch (IOException | RuntimeException e) {
            counted.close();
            throw e;
        }
    }

    private static InputStream decompressed(InputStream raw, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, BUFFER_BYTES), BUFFER_BYTES) : in;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Decides the character set and skips a byte order mark. A given one wins; otherwise a mark means UTF-8 or
     * UTF-16 (Excel's "Unicode text"), and so does a first sample that decodes as strict UTF-8; anything else is
     * taken as GB18030, which is what Excel writes on Chinese Windows.
     */
    static Charset charsetOf(InputStream in, String requested) throws IOException {
        in.mark(SAMPLE_BYTES + 1);
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        boolean complete = in.read() < 0;
        in.reset();
        boolean bom = sample.length >= 3
                && (sample[0] & 0xff) == 0xEF
                && (sample[1] & 0xff) == 0xBB
                && (sample[2] & 0xff) == 0xBF;
        Charset utf16 = utf16Of(sample);
        if (requested == null && utf16 != null) {
            in.skipNBytes(2);
            return utf16;
        }
        Charset unmarked = requested == null ? unmarkedUtf16Of(sample) : null;
        if (unmarked != null) {
            return unmarked;
        }
        Charset charset = requested != null
                ? Charset.forName(requested)
                : bom || isUtf8(sample, complete) ? StandardCharsets.UTF_8 : GB18030;
        if (bom && charset.equals(StandardCharsets.UTF_8)) {
            in.skipNBytes(3);
        }
        return charset;
    }

    private static Charset utf16Of(byte[] sample) {
        if (sample.length < 2) {
            return null;
        }
        int first = sample[0] & 0xff;
        int second = sample[1] & 0xff;
        if (first == 0xFF && second == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return first == 0xFE && second == 0xFF ? StandardCharsets.UTF_16BE : null;
    }

    // UTF-16 saved without its mark: a CSV file is mostly ASCII, so every other byte is zero, which no UTF-8 or
    // GB18030 text holds. Little-endian puts the zeros second.
    private static Charset unmarkedUtf16Of(byte[] sample) {
        int pairs = sample.length / 2;
        int zerosFirst = 0;
        int zerosSecond = 0;
        for (int i = 0; i + 1 < sample.length; i += 2) {
            zerosFirst += sample[i] == 0 ? 1 : 0;
            zerosSecond += sample[i + 1] == 0 ? 1 : 0;
        }
        if (pairs >= 4 && zerosSecond > pairs / 2 && zerosFirst == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return pairs >= 4 && zerosFirst > pairs / 2 && zerosSecond == 0 ? StandardCharsets.UTF_16BE : null;
    }

    // A sample cut in the middle of a character still counts as UTF-8: only invalid bytes decide against it.
    private static boolean isUtf8(byte[] sample, boolean complete) {
        CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
        CharBuffer out = CharBuffer.allocate(sample.length);
        return !decoder.decode(ByteBuffer.wrap(sample), out, complete).isError();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException {
        while (!ended) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    ended = true;
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e.getCause();
                }
                return unreadable(line, e);
            } catch (IllegalStateException e) {
                return unreadable(line, e);
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            return checked(line, record.toList());
        }
        return null;
    }

    private Row checked(long line, List<String> values) {
        if (header != null && values.size() != header.size()) {
            String reason = "the row has " + values.size() + " values but the header has " + header.size() + " columns";
            return new Row(line, values, new RowProblem(null, String.join(",", values), reason));
        }
        return new Row(line, values, null);
    }

    // The parser cannot go past a broken row (an unterminated quote runs to the end of the file), so it is the last.
    private Row unreadable(long line, RuntimeException e) {
        ended = true;
        if (hasCause(e, CharacterCodingException.class)) {
            throw new ImportFailure("File '" + fileName + "' cannot be read as " + charset.name() + ": "
                    + firstUndecodable() + "; name its character set with the charset parameter (for example"
                    + " charset=ISO-8859-1, or --charset at the console), or give none to have it detected");
        }
        String detail = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        String reason = detail != null && detail.contains("encapsulated token")
                ? "a quoted value is not closed before the end of the file, so the row is cut off"
                : "the row cannot be read: " + detail;
        return new Row(line, List.of(), new RowProblem(null, "", reason));
    }

    // The reader decodes ahead of the parser, so the failing line is found again by decoding from the start.
    private String firstUndecodable() {
        try (InputStream in = decompressed(Files.newInputStream(file), gzip)) {
            CharsetDecoder decoder = strict(charset);
            ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES);
            CharBuffer chars = CharBuffer.allocate(BUFFER_BYTES);
            LineCounter lines = new LineCounter();
            boolean end = false;
            while (true) {
                int n = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                bytes.position(bytes.position() + Math.max(0, n)).flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                lines.count(chars.flip());
                chars.clear();
                if (result.isError()) {
                    return "line " + lines.line() + " holds the bytes " + hex(bytes, result.length());
                }
                if (end && result.isUnderflow()) {
                    return "the file holds bytes it does not allow";
                }
                bytes.compact();
            }
        } catch (IOException e) {
            return "the file holds bytes it does not allow";
        }
    }

    private static String hex(ByteBuffer bytes, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(bytes.position() + i)));
        }
        return text.toString();
    }

    /** Counts lines as the parser does: CRLF, LF and a bare CR each end one. */
    private static final class LineCounter {
        private long line = 1;
        private boolean afterCr;

        void count(CharBuffer chars) {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n' && !afterCr || c == '\r') {
                    line++;
                }
                afterCr = c == '\r';
            }
        }

        long line() {
            return line;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) counted.count() / size);
    }

    @Override
    public String charset() {
        return charset.name();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
