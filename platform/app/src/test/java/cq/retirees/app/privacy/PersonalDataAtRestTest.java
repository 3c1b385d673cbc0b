package cq.retirees.app.privacy;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.infra.testing.TestDatabases;
import cq.retirees.kernel.ResidentIdNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No ID or phone number is stored in clear: not in a dump of every table, and not in the database's files on
 * disk (tables, indexes, WAL). pg_dump 17 is not available on this machine (the embedded distribution has only
 * postgres, initdb and pg_ctl; Debian 12 ships client 15, which refuses a 17 server), so the dump is made the way
 * pg_dump makes its data section: {@code COPY <table> TO STDOUT} for every table of every schema.
 * Each check also looks for a value that IS stored in clear (the address), proving it would see plaintext.
 */
class PersonalDataAtRestTest {

    private static final String ADDRESS = "渝中区示例路永存号";
    private static final List<String> ID_NUMBERS = new ArrayList<>();
    private static final List<String> PHONES = List.of("13912345678", "13987654321", "02363001234");

    private static TestPlatform platform;

    @BeforeAll
    static void populate() {
        platform = TestPlatform.start(PersonalDataAtRestTest.class);
        Api admin = platform.admin();
        admin.post("/api/v1/admin/users", Map.of("username", "sasac", "displayName", "市国资委",
                "password", "municipal-password", "roles", List.of("MUNICIPAL_ADMIN")));
        Api municipal = platform.api().login("sasac", "municipal-password");
        String enterprise = municipal.post("/api/v1/enterprises", Map.of("creditCode", "91350100M000100Y43",
                "name", "重庆示例化工集团有限公司", "category", "MUNICIPAL_KEY_SOE", "insuredAreaCode", "500103",
                "locationAreaCode", "500103")).json().get("id").asText();
        for (int i = 0; i < PHONES.size(); i++) {
            String first17 = "5001931951020" + (3 + i) + "01" + i;
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            ID_NUMBERS.add(id);
            Api.Response created = municipal.post("/api/v1/retirees", Map.of("enterpriseId", enterprise,
                    "idNumber", id, "name", "测试" + i, "retirementDate", "2011-03-01", "insuredAreaCode", "500103",
                    "residenceAddress", ADDRESS, "residenceAreaCode", "500103", "phone", PHONES.get(i)));
            assertEquals(201, created.status(), created::toString);
        }
        // The roster import path writes through COPY: cover it too.
        String first17 = "50019419480707042";
        String imported = first17 + ResidentIdNumber.checkCharacter(first17);
        ID_NUMBERS.add(imported);
        String csv = "idNumber,name,retirementDate,enterpriseCreditCode,insuredAreaCode,residenceAddress,"
                + "residenceAreaCode,phone\n" + imported + ",导入,2008-08-01,91350100M000100Y43,500103," + ADDRESS
                + ",500103,13700001111\n";
        String importId = municipal.send("POST", "/api/v1/retirees/imports?enterpriseId=" + enterprise, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)).json().get("id").asText();
        awaitImport(municipal, importId);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aDumpOfEveryTableContainsNoIdOrPhoneNumberInClear() throws Exception {
        String dump = dumpEveryTable();
        assertTrue(dump.contains(ADDRESS), "the dump holds the plaintext address: it would show plaintext");
        for (String id : ID_NUMBERS) {
            assertFalse(dump.contains(id), "an ID number appears in the dump");
            assertFalse(dump.contains(id.substring(0, 17)), "the first 17 digits of an ID number appear in the dump");
        }
        for (String phone : List.of(PHONES.get(0), PHONES.get(1), PHONES.get(2), "13700001111")) {
            assertFalse(dump.contains(phone), "a phone number appears in the dump");
        }
    }

    @Test
    void theDatabaseFilesOnDiskContainNoIdNumberInClear() throws Exception {
        try (Connection c = platform.sql(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT"); // tables and indexes on disk, not only in shared buffers
        }
        Path data = TestDatabases.server().dataDirectory();
        byte[] address = ADDRESS.getBytes(StandardCharsets.UTF_8);
        boolean addressFound = false;
        List<Path> files = filesUnder(data);
        assertFalse(files.isEmpty(), "the scan sees the data directory's files");
        for (Path file : files) {
            byte[] content = readQuietly(file);
            addressFound |= contains(content, address);
            for (String id : ID_NUMBERS) {
                assertFalse(contains(content, id.substring(0, 17).getBytes(StandardCharsets.US_ASCII)),
                        "an ID number in clear in " + data.relativize(file));
            }
        }
        assertTrue(addressFound, "the scan finds the plaintext address on disk: it would find plaintext");
    }

    private static String dumpEveryTable() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = platform.sql(); Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename)"
                     + " FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertTrue(names.contains("registry.retirees"), names::toString);
            for (String table : names) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", out);
                dump.append(out.toString(StandardCharsets.UTF_8));
            }
        }
        return dump.toString();
    }

    private static void awaitImport(Api api, String id) {
        for (int i = 0; i < 600; i++) {
            String status = api.get("/api/v1/retirees/imports/" + id).json().get("status").asText();
            if (status.equals("COMPLETED")) {
                return;
            }
            if (status.equals("FAILED")) {
                throw new AssertionError("import failed");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("import did not finish");
    }

    /** The running server creates and removes files (pg_internal.init, temporary files) while we walk. */
    private static List<Path> filesUnder(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return files;
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // a file removed by the server while walking
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
