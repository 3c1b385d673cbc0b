package cq.retirees.bench;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.Platform;
import cq.retirees.infra.files.Directories;
import cq.retirees.infra.http.Cursor;
import cq.retirees.infra.http.Json;
import cq.retirees.registry.demo.SyntheticEnterprise;
import cq.retirees.registry.demo.SyntheticRoster;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The registry's end-to-end benchmark (issue: roster import and search at a million rows). Starts the platform
 * in-process on a fresh embedded PostgreSQL, generates a synthetic roster CSV, and measures:
 * <ol>
 *   <li>the roster import through the HTTP API, against a plain {@code COPY} of the same file into an unindexed
 *       table of the same columns on the same server (the floor);</li>
 *   <li>request latency (p50/p95/p99) over HTTP at concurrency 1 and 16 of a 50-row page filtered by area, an exact
 *       ID-number lookup and a name-substring search;</li>
 *   <li>a page deep in the list against the first page.</li>
 * </ol>
 * Usage: {@code java -cp platform/bench/target/benchmarks.jar cq.retirees.bench.RosterLoadBenchmark [rows]}.
 */
public final class RosterLoadBenchmark {

    private final BenchClient api;

    private RosterLoadBenchmark(BenchClient api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Files.createTempDirectory("retirees-bench");
        System.out.printf("benchmark: %,d rows, work directory %s, %d cores, JDK %s%n", rows, work,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Platform platform = BenchClient.startPlatform(work);
        try {
            new RosterLoadBenchmark(BenchClient.municipalAdmin(platform)).run(platform, work, rows);
        } finally {
            platform.close();
            Directories.deleteQuietly(work); // the database and roster files: hundreds of MB per run
        }
    }

    private void run(Platform platform, Path work, int rows) throws Exception {
        SyntheticRoster roster = new SyntheticRoster(2017);
        SyntheticEnterprise enterprise = roster.enterprise(0);
        JsonNode created = api.send("POST", "/api/v1/enterprises", Json.bytes(Map.of("creditCode", enterprise.creditCode(),
                "name", enterprise.name(), "category", enterprise.category(),
                "insuredAreaCode", enterprise.insuredAreaCode(), "locationAreaCode", enterprise.locationAreaCode())),
                "application/json");
        String enterpriseId = created.get("id").asText();

        Path csv = work.resolve("roster.csv");
        List<String> sampleIds = new ArrayList<>();
        List<String> sampleNames = new ArrayList<>();
        long t0 = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            Random pick = new Random(7);
            SyntheticRoster.writeCsv(out, roster.retirees(enterprise, rows).peek(r -> {
                if (pick.nextInt(Math.max(1, rows / 2000)) == 0) {
                    sampleIds.add(r.idNumber());
                    sampleNames.add(r.name());
                }
            }));
        }
        System.out.printf("generated %s (%,d bytes) in %.1f s%n", csv.getFileName(), Files.size(csv), seconds(t0));

        // 1. Import through the API, then the COPY floor on the same server.
        long importStart = System.nanoTime();
        JsonNode accepted = api.sendFile("/api/v1/retirees/imports?enterpriseId=" + enterpriseId, csv);
        JsonNode done = api.awaitImport(accepted.get("id").asText());
        double importSeconds = seconds(importStart);
        double copySeconds = copyFloor(platform, csv);
        System.out.printf("%n| roster import of %,d rows | seconds | rows/s |%n|---|---|---|%n", rows);
        System.out.printf("| platform import (HTTP upload, validation, encryption, merge into indexed table) | %.1f | %,.0f |%n",
                importSeconds, rows / importSeconds);
        System.out.printf("| plain COPY into an unindexed table of the same columns | %.1f | %,.0f |%n",
                copySeconds, rows / copySeconds);
        System.out.printf("| ratio (platform / COPY throughput) | %.0f %% | |%n", 100 * copySeconds / importSeconds);
        System.out.println("import result: " + done);

        // 2. Latency of the three searches, once the planner knows the new rows (what autovacuum does after a load).
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            long vacuum = System.nanoTime();
            s.execute("VACUUM ANALYZE registry.retirees");
            System.out.printf("%nVACUUM ANALYZE after the import: %.1f s%n", seconds(vacuum));
        }
        String area = busiestArea(platform);
        Random random = new Random(11);
        Map<String, IntFunction<String>> queries = new java.util.LinkedHashMap<>();
        queries.put("50-row page filtered by area " + area, i -> "/api/v1/retirees?limit=50&areaCode=" + area);
        queries.put("exact ID-number lookup", i -> "/api/v1/retirees?q=" + sampleIds.get(random.nextInt(sampleIds.size())));
        queries.put("name substring (2 characters)", i -> "/api/v1/retirees?limit=50&q="
                + encode(twoCharacters(sampleNames.get(random.nextInt(sampleNames.size())))));
        System.out.printf("%n| query (municipal admin, %,d retirees) | concurrency | requests | p50 ms | p95 ms | p99 ms |%n"
                + "|---|---|---|---|---|---|%n", rows);
        for (var query : queries.entrySet()) {
            for (int concurrency : new int[] {1, 16}) {
                measure(query.getValue(), 100, concurrency);
                double[] latencies = measure(query.getValue(), concurrency == 1 ? 1000 : 4000, concurrency);
                System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f |%n", query.getKey(), concurrency,
                        latencies.length, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));
            }
        }

        // 3. A page deep in the list costs what the first page costs (keyset pagination).
        String deepCursor = cursorAtRow(platform, area, Math.min(rows / 20, 40_000));
        double[] first = measure(i -> "/api/v1/retirees?limit=50&areaCode=" + area, 500, 1);
        double[] deep = measure(i -> "/api/v1/retirees?limit=50&areaCode=" + area + "&cursor=" + deepCursor, 500, 1);
        System.out.printf("%n| page of area %s | p50 ms | p95 ms |%n|---|---|---|%n", area);
        System.out.printf("| first page | %.1f | %.1f |%n", percentile(first, 50), percentile(first, 95));
        System.out.printf("| page after row %,d | %.1f | %.1f |%n", Math.min(rows / 20, 40_000), percentile(deep, 50),
                percentile(deep, 95));
    }

    private double copyFloor(Platform platform, Path csv) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench");
            s.execute("DROP TABLE IF EXISTS bench.raw_roster");
            s.execute("CREATE TABLE bench.raw_roster (" + String.join(" text, ", SyntheticRoster.HEADINGS) + " text)");
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench.raw_roster FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            double elapsed = seconds(start);
            s.execute("DROP TABLE bench.raw_roster");
            return elapsed;
        }
    }

    private static String busiestArea(Platform platform) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT residence_area FROM registry.retirees GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String cursorAtRow(Platform platform, String area, int row) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection();
             var ps = c.prepareStatement("SELECT id FROM registry.retirees WHERE residence_area = ? ORDER BY id OFFSET ? LIMIT 1")) {
            ps.setString(1, area);
            ps.setInt(2, row);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Cursor.of(rs.getString(1)).encode();
            }
        }
    }

    private double[] measure(IntFunction<String> path, int requests, int concurrency) throws Exception {
        double[] latencies = new double[requests];
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    String target = path.apply(n);
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = api.get(target);
                    latencies[n] = (System.nanoTime() - start) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(target + " → " + response.statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return latencies;
    }

    private static String twoCharacters(String name) {
        return name.length() <= 2 ? name : name.substring(name.length() - 2);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
