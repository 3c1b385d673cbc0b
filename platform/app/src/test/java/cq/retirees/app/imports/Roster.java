package cq.retirees.app.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A roster file under construction: a heading row as the file spells it, and the rows of {@link Person}s, each
 * cell taken from the person by the column's English field name. Renders as CSV (UTF-8 with or without BOM, or
 * any charset) or XLSX.
 */
final class Roster {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The columns a roster must have, by English heading. */
    static final List<String> REQUIRED = List.of("idNumber", "name", "retirementDate", "enterpriseCreditCode",
            "insuredAreaCode", "residenceAddress", "residenceAreaCode");

    /** Every known column: English heading → preferred Chinese heading. */
    static final Map<String, String> CHINESE = chinese();

    /** Every known column's English heading, in the usual order. */
    static final List<String> ALL = List.copyOf(CHINESE.keySet());

    private final List<String> headings;
    private final List<String> fields;
    private final List<List<Object>> rows = new ArrayList<>();

    private Roster(List<String> headings, List<String> fields) {
        this.headings = List.copyOf(headings);
        this.fields = List.copyOf(fields);
    }

    /** English headings: the required columns. */
    static Roster english() {
        return english(REQUIRED);
    }

    /** English headings as given; each is also the field a cell is taken from. */
    static Roster english(String... fields) {
        return english(Arrays.asList(fields));
    }

    static Roster english(List<String> fields) {
        return new Roster(fields, fields);
    }

    /** The preferred Chinese heading of each of these fields. */
    static Roster chinese(List<String> fields) {
        return new Roster(fields.stream().map(CHINESE::get).toList(), fields);
    }

    /** Headings spelt as given, each read from the field at the same position. */
    static Roster headed(List<String> headings, List<String> fields) {
        if (headings.size() != fields.size()) {
            throw new IllegalArgumentException("one field per heading");
        }
        return new Roster(headings, fields);
    }

    Roster add(Person... people) {
        for (Person person : people) {
            rows.add(fields.stream().map(person::cell).toList());
        }
        return this;
    }

    Roster add(List<Person> people) {
        return add(people.toArray(Person[]::new));
    }

    /** A row of raw cells, as written. */
    Roster addCells(String... cells) {
        rows.add(List.of((Object[]) cells));
        return this;
    }

    int rows() {
        return rows.size();
    }

    /** The file as CSV text, CRLF line ends, quoted where RFC 4180 needs it. */
    String csvText() {
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(headings));
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    byte[] csv() {
        return csv(StandardCharsets.UTF_8);
    }

    byte[] csv(Charset charset) {
        return csvText().getBytes(charset);
    }

    byte[] csvWithBom() {
        return ("\uFEFF" + csvText()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file as an XLSX workbook of one sheet. Strings become text cells (so ID numbers keep every digit),
     * numbers number cells, and {@link LocalDate}s date cells formatted {@code yyyy-mm-dd}.
     */
    byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("花名册");
            for (int c = 0; c < headings.size(); c++) {
                sheet.value(0, c, headings.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    switch (value) {
                        case LocalDate date -> {
                            sheet.value(r + 1, c, date);
                            sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                        }
                        case Number number -> sheet.value(r + 1, c, number);
                        default -> {
                            if (!value.toString().isEmpty()) {
                                sheet.value(r + 1, c, value.toString());
                            }
                        }
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i).toString();
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }

    private static Map<String, String> chinese() {
        Map<String, String> chinese = new LinkedHashMap<>();
        chinese.put("idNumber", "公民身份号码");
        chinese.put("name", "姓名");
        chinese.put("sex", "性别");
        chinese.put("birthDate", "出生日期");
        chinese.put("retirementDate", "退休日期");
        chinese.put("retireeType", "人员类别");
        chinese.put("enterpriseCreditCode", "统一社会信用代码");
        chinese.put("insuredAreaCode", "参保地区划代码");
        chinese.put("residenceAddress", "居住地址");
        chinese.put("residenceAreaCode", "居住地区划代码");
        chinese.put("residenceStreet", "居住街道（乡镇）");
        chinese.put("phone", "联系电话");
        chinese.put("partyMember", "是否党员");
        chinese.put("partyOrganisation", "党组织");
        chinese.put("leaderManagementLevel", "领导人员管理层级");
        chinese.put("immobile", "行动不便");
        chinese.put("deathDate", "死亡日期");
        return java.util.Collections.unmodifiableMap(chinese);
    }
}
