package cq.retirees.registry.internal.roster;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cq.retirees.registry.internal.roster.RosterFixtures.CHINESE_HEADINGS;
import static cq.retirees.registry.internal.roster.RosterFixtures.ENGLISH_HEADINGS;
import static cq.retirees.registry.internal.roster.RosterFixtures.ID;
import static cq.retirees.registry.internal.roster.RosterFixtures.ROW;
import static cq.retirees.registry.internal.roster.RosterFixtures.csv;
import static cq.retirees.registry.internal.roster.RosterFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRosterReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Nested
    class Encoding {

        @Test
        void utf8WithBomSkipsTheBomEvenWhenAnotherCharsetIsDeclared() {
            byte[] bytes = concat(BOM, (CHINESE_HEADINGS + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8));
            RosterReader reader = csv(bytes, GB18030);

            assertEquals(Optional.of(StandardCharsets.UTF_8), reader.charset());
            assertEquals(RosterColumn.ID_NUMBER, reader.columns().getFirst(), "BOM must not stick to the heading");
            assertEquals("张三", readAll(reader).getFirst().value(RosterColumn.NAME));
        }

        @Test
        void utf8WithoutBomIsDetected() {
            RosterReader reader = csv(CHINESE_HEADINGS + "\n" + ROW + "\n");

            assertEquals(Optional.of(StandardCharsets.UTF_8), reader.charset());
            assertEquals("重庆市万州区白岩路1号", readAll(reader).getFirst().value(RosterColumn.RESIDENCE_ADDRESS));
        }

        @Test
        void gb18030IsDetectedWhenTheBytesAreNotUtf8() {
            RosterReader reader = csv((CHINESE_HEADINGS + "\n" + ROW + "\n").getBytes(GB18030));

            assertEquals(Optional.of(GB18030), reader.charset());
            assertEquals(List.of(RosterColumn.ID_NUMBER, RosterColumn.NAME, RosterColumn.RETIREMENT_DATE,
                    RosterColumn.ENTERPRISE_CREDIT_CODE, RosterColumn.INSURED_AREA_CODE,
                    RosterColumn.RESIDENCE_ADDRESS, RosterColumn.RESIDENCE_AREA_CODE), reader.columns());
            RosterRow row = readAll(reader).getFirst();
            assertEquals("张三", row.value(RosterColumn.NAME));
            assertEquals("重庆市万州区白岩路1号", row.value(RosterColumn.RESIDENCE_ADDRESS));
        }

        @Test
        void declaredCharsetIsUsedWithoutSniffing() {
            Charset gbk = Charset.forName("GBK");
            RosterReader reader = csv((CHINESE_HEADINGS + "\n" + ROW + "\n").getBytes(gbk), gbk);

            assertEquals(Optional.of(gbk), reader.charset());
            assertEquals("张三", readAll(reader).getFirst().value(RosterColumn.NAME));
        }

        @Test
        void utf8CharacterCutByTheEndOfTheSampleStillCountsAsUtf8() {
            StringBuilder text = new StringBuilder(ENGLISH_HEADINGS).append('\n');
            // Pad with ASCII so that the three bytes of "张" straddle the 64 KiB sample boundary.
            int headingBytes = text.length();
            String rowPrefix = ID + ",";
            int pad = CsvCharsetSniffer.SAMPLE_BYTES - headingBytes - rowPrefix.length() - 1;
            text.append(rowPrefix).append("x".repeat(pad)).append("张三,2010-01-01,C,500101,地址,500101\n");
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            assertEquals((byte) 0xE5, bytes[CsvCharsetSniffer.SAMPLE_BYTES - 1], "test setup: 张 starts last");

            RosterReader reader = csv(bytes);

            assertEquals(Optional.of(StandardCharsets.UTF_8), reader.charset());
            assertTrue(readAll(reader).getFirst().value(RosterColumn.NAME).endsWith("张三"));
        }

        @Test
        void bytesOfAnotherEncodingBeyondTheSampleFailTheFileAtTheirRow() {
            StringBuilder text = new StringBuilder(ENGLISH_HEADINGS).append('\n');
            int rows = CsvCharsetSniffer.SAMPLE_BYTES / 40; // about 1.5 samples of ASCII rows
            for (int i = 0; i < rows; i++) {
                text.append(ID).append(",Zhang San,2010-01-01,C,500101,Address,500101\n");
            }
            byte[] bytes = concat(text.toString().getBytes(StandardCharsets.UTF_8),
                    (ID + ",张三,2010-01-01,C,500101,地址,500101\n").getBytes(GB18030));

            RosterReader reader = csv(bytes);
            assertEquals(Optional.of(StandardCharsets.UTF_8), reader.charset());
            RosterFileException e = assertThrows(RosterFileException.class, () -> readAll(reader));

            assertEquals(RosterFileException.UNREADABLE, e.code());
            long badRow = rows + 2L;
            assertEquals(List.of(Long.toString(badRow)), e.details());
            assertTrue(e.getMessage().contains("row " + badRow), e.getMessage());
            assertFalse(e.getMessage().contains(ID));
        }
    }

    @Nested
    class Headings {

        @Test
        void englishHeadingsInAnySpellingAndOptionalColumns() {
            String text = "ID Number, Name ,retirement_date,Enterprise-Credit-Code,INSURED_AREA_CODE,"
                    + "residence address,residenceAreaCode,Phone,party_member\n"
                    + ROW + ",13800000000,是\n";

            RosterReader reader = csv(text);

            assertEquals(List.of(RosterColumn.ID_NUMBER, RosterColumn.NAME, RosterColumn.RETIREMENT_DATE,
                    RosterColumn.ENTERPRISE_CREDIT_CODE, RosterColumn.INSURED_AREA_CODE,
                    RosterColumn.RESIDENCE_ADDRESS, RosterColumn.RESIDENCE_AREA_CODE, RosterColumn.PHONE,
                    RosterColumn.PARTY_MEMBER), reader.columns());
            RosterRow row = readAll(reader).getFirst();
            assertEquals(ID, row.value(RosterColumn.ID_NUMBER));
            assertEquals("13800000000", row.value(RosterColumn.PHONE));
            assertEquals("是", row.value(RosterColumn.PARTY_MEMBER));
        }

        @Test
        void chineseHeadingsWithFullWidthBracketsAndIdeographicSpaces() {
            String text = "身份证号码,姓　名,退休日期,企业统一社会信用代码,参保地,现居住地址,居住地,居住街道（乡镇）,"
                    + "街道(乡镇)备注\n"
                    + ROW + ",龙门浩街道\n";

            RosterReader reader = csv(text);

            assertTrue(reader.columns().contains(RosterColumn.RESIDENCE_STREET));
            assertEquals(List.of("街道(乡镇)备注"), reader.ignoredHeadings());
            assertEquals("龙门浩街道", readAll(reader).getFirst().value(RosterColumn.RESIDENCE_STREET));
        }

        @Test
        void unknownHeadingsAreIgnoredAndListed() {
            String text = "序号," + CHINESE_HEADINGS + ",,民族\n1," + ROW + ",,汉\n";

            RosterReader reader = csv(text);

            assertEquals(List.of("序号", "民族"), reader.ignoredHeadings(), "blank headings are not listed");
            RosterRow row = readAll(reader).getFirst();
            assertEquals(ID, row.value(RosterColumn.ID_NUMBER));
            assertEquals(7, row.values().size(), "cells under ignored headings are dropped");
        }

        @Test
        void anIgnoredHeadingShowsARefusedCharacterAsAReplacementNotAsItself() {
            String text = "民\u001B[2J族," + CHINESE_HEADINGS + ",\u202E备注\n汉," + ROW + ",x\n";

            RosterReader reader = csv(text);

            assertEquals(List.of("民\uFFFD[2J族", "\uFFFD备注"), reader.ignoredHeadings());
        }

        @Test
        void aByteOrderMarkAroundACellIsTrimmedOneInsideIsLeftForTheTextRule() {
            String text = CHINESE_HEADINGS + "\n" + ROW.replaceFirst(",", ",\uFEFF") + "\n"
                    + ROW.replaceFirst(",[^,]*", ",王\uFEFF五") + "\n";

            List<RosterRow> rows = readAll(csv(text));

            assertEquals("张三", rows.get(0).value(RosterColumn.NAME));
            assertEquals("王\uFEFF五", rows.get(1).value(RosterColumn.NAME));
        }

        @Test
        void missingRequiredColumnsAreAllListed() {
            String text = "姓名,退休日期,统一社会信用代码,参保地,居住地区划代码,电话\n张三,2010-01-01,C,500101,500101,1\n";

            RosterFileException e = assertThrows(RosterFileException.class, () -> csv(text));

            assertEquals(RosterFileException.MISSING_COLUMNS, e.code());
            assertEquals(List.of("idNumber", "residenceAddress"), e.details());
        }

        @Test
        void twoHeadingsForOneColumnAreRejected() {
            String text = CHINESE_HEADINGS + ",身份证号\n" + ROW + "," + ID + "\n";

            RosterFileException e = assertThrows(RosterFileException.class, () -> csv(text));

            assertEquals(RosterFileException.DUPLICATE_COLUMN, e.code());
            assertEquals(List.of("idNumber"), e.details());
        }

        @Test
        void aFileWithoutAnyNonBlankRowHasNoHeadingRow() {
            for (String text : List.of("", "\n\n", ",,,\r\n , \r\n")) {
                RosterFileException e = assertThrows(RosterFileException.class, () -> csv(text));
                assertEquals(RosterFileException.EMPTY, e.code(), text);
            }
        }

        @Test
        void headingsOnlyMeansNoRows() {
            RosterReader reader = csv(ENGLISH_HEADINGS + "\r\n");

            assertFalse(reader.hasNext());
            assertTrue(readAll(reader).isEmpty());
        }
    }

    @Nested
    class Rows {

        @Test
        void quotedCommasAndLineBreaksDoNotShiftRowNumbers() {
            String text = ENGLISH_HEADINGS + "\n"
                    + ID + ",张三,2010-01-01,C,500101,\"重庆市, 万州区\n白岩路1号\",500101\n"
                    + ID + ",\"李\"\"四\"\"\",2010-01-01,C,500101,地址,500101\n";

            List<RosterRow> rows = readAll(csv(text));

            assertEquals(2, rows.size());
            assertEquals(2, rows.get(0).rowNumber());
            assertEquals("重庆市, 万州区\n白岩路1号", rows.get(0).value(RosterColumn.RESIDENCE_ADDRESS));
            assertEquals(3, rows.get(1).rowNumber(), "a record, not a line, is a row");
            assertEquals("李\"四\"", rows.get(1).value(RosterColumn.NAME));
        }

        @Test
        void crlfLineEndings() {
            String text = ENGLISH_HEADINGS + "\r\n" + ROW + "\r\n" + ROW + "\r\n";

            List<RosterRow> rows = readAll(csv(text));

            assertEquals(List.of(2L, 3L), rows.stream().map(RosterRow::rowNumber).toList());
            assertEquals("500101", rows.get(1).value(RosterColumn.RESIDENCE_AREA_CODE), "no CR left on the last cell");
        }

        @Test
        void blankRowsAreSkippedButKeepTheirNumbers() {
            String text = "\n" + ENGLISH_HEADINGS + "\n" + ROW + "\n\n,,, ,\n　,\n" + ROW + "\n\n";

            List<RosterRow> rows = readAll(csv(text));

            assertEquals(List.of(3L, 7L), rows.stream().map(RosterRow::rowNumber).toList());
        }

        @Test
        void valuesAreTrimmedAndBlankCellsAreAbsent() {
            String text = ENGLISH_HEADINGS + ",phone\n"
                    + "  " + ID + "\u3000,\u3000张三 ,2010-01-01,C,500101,\" 地址 \",500101,   \n";

            RosterRow row = readAll(csv(text)).getFirst();

            assertEquals(ID, row.value(RosterColumn.ID_NUMBER));
            assertEquals("张三", row.value(RosterColumn.NAME));
            assertEquals("地址", row.value(RosterColumn.RESIDENCE_ADDRESS));
            assertFalse(row.values().containsKey(RosterColumn.PHONE));
            assertEquals("", row.value(RosterColumn.PHONE));
            assertEquals("", row.value(RosterColumn.DEATH_DATE), "a column the file lacks reads as blank");
        }

        @Test
        void extraCellsAreIgnoredAndMissingCellsAbsent() {
            String text = ENGLISH_HEADINGS + "\n" + ROW + ",extra,cells\n" + ID + ",张三\n";

            List<RosterRow> rows = readAll(csv(text));

            assertEquals(7, rows.get(0).values().size());
            assertEquals(Map.of(RosterColumn.ID_NUMBER, ID, RosterColumn.NAME, "张三"), rows.get(1).values());
            assertEquals(3, rows.get(1).rowNumber());
        }

        @Test
        void unbalancedQuotesMakeTheFileUnreadableAtTheirRow() {
            String text = ENGLISH_HEADINGS + "\n" + ROW + "\n" + ID + ",\"张三\"x,2010-01-01,C,500101,地址,500101\n";

            RosterReader reader = csv(text);
            assertEquals(ID, reader.next().value(RosterColumn.ID_NUMBER));
            RosterFileException e = assertThrows(RosterFileException.class, reader::hasNext);
            reader.close();

            assertEquals(RosterFileException.UNREADABLE, e.code());
            assertEquals(List.of("3"), e.details());
            assertEquals(3, e.rowNumber().orElseThrow());
        }

        @Test
        void anUnclosedQuoteDoesNotSwallowTheRestOfTheFileIntoMemory() {
            // Without the record length guard the parser would buffer everything after the quote.
            StringBuilder text = new StringBuilder(ENGLISH_HEADINGS).append('\n').append(ID).append(",\"张三\n");
            String filler = ROW + "\n";
            while (text.length() < 3 * RecordLengthGuard.MAX_RECORD_CHARS) {
                text.append(filler);
            }

            RosterFileException e = assertThrows(RosterFileException.class, () -> readAll(csv(text.toString())));

            assertEquals(RosterFileException.UNREADABLE, e.code());
            assertEquals(2, e.rowNumber().orElseThrow());
        }
    }

    @Nested
    class Privacy {

        @Test
        void noExceptionCarriesCellContents() {
            List<String> faultyFiles = List.of(
                    ROW + "\n" + ROW + "\n",                                          // no heading row at all
                    CHINESE_HEADINGS + ",身份证号\n" + ROW + "," + ID + "\n",            // duplicate column
                    ENGLISH_HEADINGS + "\n" + ID + ",\"" + ID + "\"" + ID + ",x\n",     // bad quoting
                    ENGLISH_HEADINGS + "\n" + ID + ",\"" + ID + "\n");                 // quote never closed
            for (String text : faultyFiles) {
                RosterFileException e = assertThrows(RosterFileException.class, () -> readAll(csv(text)));
                assertNoIdNumber(e);
            }
        }
    }

    @Test
    void rowToStringLeavesValuesOut() {
        RosterRow row = readAll(csv(ENGLISH_HEADINGS + "\n" + ROW + "\n")).getFirst();

        assertFalse(row.toString().contains(ID), row.toString());
    }

    static void assertNoIdNumber(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(ID), t.getMessage());
            assertFalse(t.toString().contains(ID));
            for (Throwable suppressed : t.getSuppressed()) {
                assertNoIdNumber(suppressed);
            }
        }
        if (e instanceof RosterFileException rfe) {
            rfe.details().forEach(d -> assertFalse(d.contains(ID), d));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
