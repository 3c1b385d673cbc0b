package cq.retirees.registry.internal.roster;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static cq.retirees.registry.internal.roster.CsvRosterReaderTest.assertNoIdNumber;
import static cq.retirees.registry.internal.roster.RosterFixtures.CHINESE_HEADINGS;
import static cq.retirees.registry.internal.roster.RosterFixtures.ENGLISH_HEADINGS;
import static cq.retirees.registry.internal.roster.RosterFixtures.ID;
import static cq.retirees.registry.internal.roster.RosterFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxRosterReaderTest {

    private static final String[] REQUIRED = ENGLISH_HEADINGS.split(",");

    @Test
    void cellsOfEveryKindReadAsTheTextAUserSees() {
        byte[] xlsx = workbook(ws -> {
            headings(ws, Stream.concat(Arrays.stream(REQUIRED),
                    Stream.of("phone", "leaderManagementLevel", "birthDate", "immobile")).toArray(String[]::new));
            ws.value(1, 0, ID);
            ws.value(1, 1, "张三");
            ws.value(1, 2, LocalDate.of(2020, 12, 31));
            ws.style(1, 2).format("yyyy-mm-dd").set();
            ws.value(1, 3, "91500000MA5U000000");
            ws.value(1, 4, 500101);                       // an area code typed as a number
            ws.value(1, 5, "  重庆市万州区白岩路1号\u3000");
            ws.value(1, 6, 500101.0);
            ws.value(1, 7, 13800000000L);
            ws.value(1, 8, new BigDecimal("2.50"));
            ws.value(1, 9, LocalDate.of(1950, 1, 1));
            ws.style(1, 9).format("yyyy年m月d日").set();
            ws.value(1, 10, true);
        });

        RosterReader reader = RosterReader.xlsx(new ByteArrayInputStream(xlsx));
        assertEquals(Optional.empty(), reader.charset());
        RosterRow row = readAll(reader).getFirst();

        assertEquals(2, row.rowNumber());
        assertEquals(ID, row.value(RosterColumn.ID_NUMBER));
        assertEquals("张三", row.value(RosterColumn.NAME));
        assertEquals("2020-12-31", row.value(RosterColumn.RETIREMENT_DATE));
        assertEquals("500101", row.value(RosterColumn.INSURED_AREA_CODE));
        assertEquals("重庆市万州区白岩路1号", row.value(RosterColumn.RESIDENCE_ADDRESS));
        assertEquals("500101", row.value(RosterColumn.RESIDENCE_AREA_CODE), "no trailing .0");
        assertEquals("13800000000", row.value(RosterColumn.PHONE), "no exponent");
        assertEquals("2.5", row.value(RosterColumn.LEADER_MANAGEMENT_LEVEL));
        assertEquals("1950-01-01", row.value(RosterColumn.BIRTH_DATE), "Chinese date format");
        assertEquals("true", row.value(RosterColumn.IMMOBILE));
    }

    @Test
    void chineseHeadingsUnknownHeadingsAndSheetRowNumbers() {
        byte[] xlsx = workbook(ws -> {
            // The heading sits on sheet row 3, below a title; blank rows keep their numbers.
            ws.value(0, 0, "重庆市退休人员花名册");
            headings(ws, 2, (CHINESE_HEADINGS + ",居住街道（乡镇）,备注").split(","));
            dataRow(ws, 3, ID, "张三");
            dataRow(ws, 6, "500101195002021234", "李四");
            ws.value(6, 7, "解放碑街道");
            ws.value(6, 8, "extra");
            ws.value(6, 12, "beyond the headings");
        });

        // The title row is not blank, so it is taken as the heading row and lacks every column...
        RosterFileException e = assertThrows(RosterFileException.class,
                () -> RosterReader.xlsx(new ByteArrayInputStream(xlsx)));
        assertEquals(RosterFileException.MISSING_COLUMNS, e.code());

        // ...whereas without the title the heading row is found on row 3.
        byte[] untitled = workbook(ws -> {
            headings(ws, 2, (CHINESE_HEADINGS + ",居住街道（乡镇）,备注").split(","));
            dataRow(ws, 3, ID, "张三");
            dataRow(ws, 6, "500101195002021234", "李四");
            ws.value(6, 7, "解放碑街道");
            ws.value(6, 8, "extra");
            ws.value(6, 12, "beyond the headings");
        });
        RosterReader reader = RosterReader.xlsx(new ByteArrayInputStream(untitled));

        assertEquals(RosterColumn.RESIDENCE_STREET, reader.columns().getLast());
        assertEquals(List.of("备注"), reader.ignoredHeadings());
        List<RosterRow> rows = readAll(reader);
        assertEquals(List.of(4L, 7L), rows.stream().map(RosterRow::rowNumber).toList());
        assertEquals("解放碑街道", rows.get(1).value(RosterColumn.RESIDENCE_STREET));
        assertEquals(8, rows.get(1).values().size());
    }

    @Test
    void fullWidthAndEnglishSpellingsInXlsxHeadings() {
        byte[] xlsx = workbook(ws -> {
            headings(ws, "ID Number", "姓　名", "Retirement Date", "统一社会信用代码", "参保地", "居住地址",
                    "居住地", "街道（乡镇）");
            dataRow(ws, 1, ID, "张三");
        });

        RosterReader reader = RosterReader.xlsx(new ByteArrayInputStream(xlsx));

        assertEquals(8, reader.columns().size());
        assertTrue(reader.ignoredHeadings().isEmpty());
        readAll(reader);
    }

    @Test
    void missingAndDuplicateColumns() {
        byte[] missing = workbook(ws -> headings(ws, "姓名", "身份证号"));
        byte[] duplicate = workbook(ws -> {
            headings(ws, Stream.concat(Arrays.stream(REQUIRED), Stream.of("NAME")).toArray(String[]::new));
            dataRow(ws, 1, ID, ID);
        });

        RosterFileException m = assertThrows(RosterFileException.class,
                () -> RosterReader.xlsx(new ByteArrayInputStream(missing)));
        RosterFileException d = assertThrows(RosterFileException.class,
                () -> RosterReader.xlsx(new ByteArrayInputStream(duplicate)));

        assertEquals(RosterFileException.MISSING_COLUMNS, m.code());
        assertEquals(List.of("retirementDate", "enterpriseCreditCode", "insuredAreaCode", "residenceAddress",
                "residenceAreaCode"), m.details());
        assertEquals(RosterFileException.DUPLICATE_COLUMN, d.code());
        assertEquals(List.of("name"), d.details());
    }

    @Test
    void aSheetWithoutRowsHasNoHeadingRow() {
        byte[] xlsx = workbook(ws -> { });

        RosterFileException e = assertThrows(RosterFileException.class,
                () -> RosterReader.xlsx(new ByteArrayInputStream(xlsx)));

        assertEquals(RosterFileException.EMPTY, e.code());
    }

    @Test
    void corruptBytesAreUnreadableWithoutQuotingThem() {
        byte[] csvPretendingToBeXlsx = (ENGLISH_HEADINGS + "\n" + ID + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] valid = workbook(ws -> {
            headings(ws, REQUIRED);
            dataRow(ws, 1, ID, "张三");
        });
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);

        for (byte[] bytes : List.of(csvPretendingToBeXlsx, truncated, new byte[0])) {
            RosterFileException e = assertThrows(RosterFileException.class,
                    () -> readAll(RosterReader.xlsx(new ByteArrayInputStream(bytes))));
            assertEquals(RosterFileException.UNREADABLE, e.code());
            assertNoIdNumber(e);
        }
    }

    @Test
    void headingFaultsDoNotQuoteAHeadinglessFilesData() {
        byte[] xlsx = workbook(ws -> dataRow(ws, 0, ID, "张三"));

        RosterFileException e = assertThrows(RosterFileException.class,
                () -> RosterReader.xlsx(new ByteArrayInputStream(xlsx)));

        assertEquals(RosterFileException.MISSING_COLUMNS, e.code());
        assertNoIdNumber(e);
    }

    @Test
    void readsAFileInPlaceAndLeavesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("roster.xlsx");
        Files.write(file, workbook(ws -> {
            headings(ws, REQUIRED);
            dataRow(ws, 1, ID, "张三");
        }));

        assertEquals(1, readAll(RosterReader.xlsx(file)).size());
        assertTrue(Files.exists(file));
        assertThrows(UncheckedIOException.class, () -> RosterReader.xlsx(dir.resolve("absent.xlsx")));
    }

    @Test
    void theSpooledCopyIsDeletedOnClose() throws IOException {
        byte[] xlsx = workbook(ws -> {
            headings(ws, REQUIRED);
            dataRow(ws, 1, ID, "张三");
        });
        List<Path> before = spooledCopies();

        RosterReader reader = RosterReader.xlsx(new ByteArrayInputStream(xlsx));
        List<Path> during = spooledCopies();
        reader.close();

        assertEquals(before.size() + 1, during.size());
        assertEquals(before, spooledCopies());
    }

    private static List<Path> spooledCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().matches("roster-.*\\.xlsx")).sorted().toList();
        }
    }

    private static void headings(Worksheet ws, String... headings) {
        headings(ws, 0, headings);
    }

    private static void headings(Worksheet ws, int row, String... headings) {
        for (int c = 0; c < headings.length; c++) {
            ws.value(row, c, headings[c]);
        }
    }

    /** A row with the given ID and name and plausible values in the other required columns. */
    private static void dataRow(Worksheet ws, int row, String id, String name) {
        String[] values = {id, name, "2010-01-01", "91500000MA5U000000", "500101", "地址", "500101"};
        for (int c = 0; c < values.length; c++) {
            ws.value(row, c, values[c]);
        }
    }

    private static byte[] workbook(Consumer<Worksheet> content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "roster-test", "1.0");
            content.accept(workbook.newWorksheet("花名册"));
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
