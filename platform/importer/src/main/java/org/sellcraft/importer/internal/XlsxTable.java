package org.sellcraft.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first sheet of an XLSX workbook, streamed with the JDK's StAX parser: only the shared strings and the styles
 * are held in memory, the sheet itself is read row by row. Dates (numbers with a date style) come out as ISO text,
 * booleans as {@code true}/{@code false}, the first non-empty row is the header.
 */
final class XlsxTable implements Table {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    // Built-in number formats 14-22 and 45-47 are dates or times; custom ones are when they use d, m, y, h or s
    // outside quotes and brackets.
    private static final Pattern DATE_CODE = Pattern.compile("[dmyhs]");
    private static final Pattern NOT_DATE_PARTS = Pattern.compile("\"[^\"]*\"|\\[[^]]*]|\\\\.");

    private final ZipFile zip;
    private final String fileName;
    private final List<String> sharedStrings;
    private final BitSet dateStyles;
    private final LocalDateTime epoch;
    private final CountingInputStream counted;
    private final long size;
    private final XMLStreamReader sheet;
    private final List<String> header;
    private long line;

    private XlsxTable(ZipFile zip, String fileName) throws IOException, XMLStreamException {
        this.zip = zip;
        this.fileName = fileName;
        Workbook workbook = workbook();
        this.epoch = workbook.date1904() ? LocalDateTime.of(1904, 1, 1, 0, 0) : LocalDateTime.of(1899, 12, 30, 0, 0);
        this.sharedStrings = sharedStrings();
        this.dateStyles = dateStyles();
        ZipEntry entry = entry(workbook.firstSheet());
        this.size = Math.max(1, entry.getSize());
        this.counted = new CountingInputStream(zip.getInputStream(entry));
        this.sheet = factory().createXMLStreamReader(counted);
        Row first = next();
        if (first == null) {
            throw new ImportFailure("File '" + fileName + "' is empty: its first sheet has no header row");
        }
        this.header = trimTrailingEmpty(first.values()).stream()
                .map(Table::headerName)
                .toList();
    }

    /** Where the first sheet is and which calendar the dates use. */
    private record Workbook(String firstSheet, boolean date1904) {}

    static XlsxTable open(Path file, String fileName) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new ImportFailure("File '" + fileName + "' is not an XLSX workbook: " + e.getMessage(), e);
        }
        try {
            return new XlsxTable(zip, fileName);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            zip.close();
            if (e instanceof ImportFailure failure) {
                throw failure;
            }
            throw new ImportFailure("File '" + fileName + "' is not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException {
        try {
            while (sheet.hasNext()) {
                if (sheet.next() == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                    String number = sheet.getAttributeValue(null, "r");
                    line = number == null ? line + 1 : Long.parseLong(number);
                    List<String> values = row();
                    if (values.stream().anyMatch(v -> !v.isEmpty())) {
                        return new Row(line, padded(values), null);
                    }
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new ImportFailure("File '" + fileName + "' has a damaged sheet: " + e.getMessage(), e);
        }
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) counted.count() / size);
    }

    @Override
    public String charset() {
        return "UTF-8";
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            zip.close();
        }
    }

    // Cells may be left out of a row, so each is placed by its reference (C7 is the third column).
    private List<String> row() throws XMLStreamException {
        List<String> values = new ArrayList<>();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(sheet.getLocalName())) {
                return values;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                String reference = sheet.getAttributeValue(null, "r");
                int column = reference == null ? values.size() : columnIndex(reference);
                String value = cell(sheet.getAttributeValue(null, "t"), sheet.getAttributeValue(null, "s"));
                while (values.size() < column) {
                    values.add("");
                }
                values.add(value);
            }
        }
        return values;
    }

    private String cell(String type, String style) throws XMLStreamException {
        String raw = null;
        StringBuilder inline = new StringBuilder();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(sheet.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "v".equals(sheet.getLocalName())) {
                raw = sheet.getElementText();
            } else if (event == XMLStreamConstants.START_ELEMENT && "t".equals(sheet.getLocalName())) {
                inline.append(sheet.getElementText());
            }
        }
        if ("inlineStr".equals(type)) {
            return inline.toString();
        }
        if (raw == null) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> sharedStrings.get(Integer.parseInt(raw.strip()));
            case "b" -> "1".equals(raw.strip()) ? "true" : "false";
            case "n" -> number(raw.strip(), style);
            default -> raw;
        };
    }

    private String number(String raw, String style) {
        if (raw.isEmpty()) {
            return raw;
        }
        if (style != null && dateStyles.get(Integer.parseInt(style))) {
            // Rounded to the second, as Excel shows it: binary fractions of a day are never exact.
            long seconds = new BigDecimal(raw)
                    .multiply(BigDecimal.valueOf(86_400))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            LocalDateTime at = epoch.plusSeconds(seconds);
            return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : DATE_TIME.format(at);
        }
        return new BigDecimal(raw).toPlainString();
    }

    private Workbook workbook() throws IOException, XMLStreamException {
        String relationId = null;
        boolean date1904 = false;
        try (InputStream in = zip.getInputStream(entry("xl/workbook.xml"))) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            while (xml.hasNext() && relationId == null) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(xml.getLocalName())) {
                    String flag = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(flag) || "true".equals(flag);
                } else if ("sheet".equals(xml.getLocalName())) {
                    relationId = xml.getAttributeValue(RELATIONSHIPS, "id");
                }
            }
        }
        if (relationId == null) {
            throw new ImportFailure("File '" + fileName + "' has no sheet");
        }
        return new Workbook(sheetPath(relationId), date1904);
    }

    private String sheetPath(String relationId) throws IOException, XMLStreamException {
        try (InputStream in = zip.getInputStream(entry("xl/_rels/workbook.xml.rels"))) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && relationId.equals(xml.getAttributeValue(null, "Id"))) {
                    String target = xml.getAttributeValue(null, "Target");
                    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
        }
        throw new ImportFailure("File '" + fileName + "' does not say where its first sheet is");
    }

    private List<String> sharedStrings() throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = zip.getEntry("xl/sharedStrings.xml");
        if (entry == null) {
            return strings;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            StringBuilder text = null;
            boolean phonetic = false;
            while (xml.hasNext()) {
                int event = xml.next();
                String name = event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                        ? xml.getLocalName()
                        : "";
                if (event == XMLStreamConstants.START_ELEMENT && "si".equals(name)) {
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.END_ELEMENT && "si".equals(name)) {
                    strings.add(text.toString());
                } else if ("rPh".equals(name)) {
                    // Phonetic guides (furigana) are not part of the text.
                    phonetic = event == XMLStreamConstants.START_ELEMENT;
                } else if (event == XMLStreamConstants.START_ELEMENT && "t".equals(name) && !phonetic) {
                    text.append(xml.getElementText());
                }
            }
        }
        return strings;
    }

    private BitSet dateStyles() throws IOException, XMLStreamException {
        BitSet dates = new BitSet();
        ZipEntry entry = zip.getEntry("xl/styles.xml");
        if (entry == null) {
            return dates;
        }
        Map<Integer, Boolean> customFormats = new HashMap<>();
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            boolean cellFormats = false;
            int style = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(xml.getLocalName())) {
                    cellFormats = false;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "numFmt" -> customFormats.put(
                            Integer.parseInt(xml.getAttributeValue(null, "numFmtId")),
                            isDateCode(xml.getAttributeValue(null, "formatCode")));
                    case "cellXfs" -> cellFormats = true;
                    case "xf" -> {
                        if (cellFormats) {
                            String id = xml.getAttributeValue(null, "numFmtId");
                            int format = id == null ? 0 : Integer.parseInt(id);
                            dates.set(style++, customFormats.getOrDefault(format, isBuiltInDate(format)));
                        }
                    }
                    default -> {
                        // Fonts, fills and borders do not matter here.
                    }
                }
            }
        }
        return dates;
    }

    private static boolean isBuiltInDate(int format) {
        return (format >= 14 && format <= 22) || (format >= 45 && format <= 47);
    }

    private static boolean isDateCode(String code) {
        return code != null
                && DATE_CODE
                        .matcher(NOT_DATE_PARTS.matcher(code).replaceAll("").toLowerCase(Locale.ROOT))
                        .find();
    }

    private ZipEntry entry(String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ImportFailure("File '" + fileName + "' is not an XLSX workbook: it has no " + name);
        }
        return entry;
    }

    private List<String> padded(List<String> values) {
        if (header == null || values.size() >= header.size()) {
            return values;
        }
        List<String> full = new ArrayList<>(values);
        while (full.size() < header.size()) {
            full.add("");
        }
        return full;
    }

    private static List<String> trimTrailingEmpty(List<String> values) {
        int end = values.size();
        while (end > 0 && values.get(end - 1).isBlank()) {
            end--;
        }
        return values.subList(0, end);
    }

    private static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    // The JDK's own parser, not whatever implementation the framework's class loaders would find; with DTDs and
    // external entities off, a workbook cannot make the parser fetch anything.
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
