package cq.retirees.bench;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.Platform;
import cq.retirees.infra.files.Directories;
import cq.retirees.infra.http.Json;
import cq.retirees.registry.demo.SyntheticEnterprise;
import cq.retirees.registry.demo.SyntheticRoster;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The handover benchmark (issue: propose the roster of a 100,000-retiree enterprise). Starts the platform in-process
 * on a fresh embedded PostgreSQL, imports a synthetic roster, registers a receiving body for every street the
 * roster names, and measures {@code POST /handover-plans/{id}/roster:propose} over HTTP (first proposal, which
 * inserts, then re-proposals, which update), against two floors run in the same process on the same rows:
 * <ol>
 *   <li>the single SQL aggregate the rule needs (retirees per residence area of the enterprise);</li>
 *   <li>one set-based {@code INSERT … SELECT} writing as many rows of the same width into an unindexed table.</li>
 * </ol>
 * Usage: {@code java -cp platform/bench/target/benchmarks.jar cq.retirees.bench.RosterProposalBenchmark [retirees]}.
 */
public final class RosterProposalBenchmark {

    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = Files.createTempDirectory("retirees-bench");
        System.out.printf("benchmark: roster proposal of %,d retirees, %d cores, JDK %s%n", rows,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Platform platform = BenchClient.startPlatform(work);
        try {
            run(platform, BenchClient.municipalAdmin(platform), work, rows);
        } finally {
            platform.close();
            Directories.deleteQuietly(work); // the database and roster files: hundreds of MB per run
        }
    }

    private static void run(Platform platform, BenchClient api, Path work, int rows) throws Exception {
        SyntheticRoster roster = new SyntheticRoster(2017);
        SyntheticEnterprise enterprise = roster.enterprise(0);
        String enterpriseId = api.post("/api/v1/enterprises", Map.of("creditCode", enterprise.creditCode(),
                "name", enterprise.name(), "category", enterprise.category(),
                "insuredAreaCode", enterprise.insuredAreaCode(), "locationAreaCode", enterprise.locationAreaCode()))
                .get("id").asText();
        Path csv = work.resolve("roster.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            SyntheticRoster.writeCsv(out, roster.retirees(enterprise, rows));
        }
        JsonNode imported = api.awaitImport(api.sendFile("/api/v1/retirees/imports?enterpriseId=" + enterpriseId, csv)
                .get("id").asText());
        System.out.println("imported: " + imported.get("rowsCreated") + " retirees");
        int bodies = registerStreets(platform, api);
        System.out.printf("registered %,d receiving bodies (one per street the roster names)%n", bodies);
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE registry.retirees");
        }

        String planId = api.post("/api/v1/handover-plans", Map.of("enterpriseId", enterpriseId)).get("id").asText();
        List<Double> proposals = new ArrayList<>();
        JsonNode summary = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            summary = api.post("/api/v1/handover-plans/" + planId + "/roster:propose", Map.of());
            proposals.add(seconds(start));
        }
        System.out.println("last proposal: " + summary);

        List<Double> aggregates = new ArrayList<>();
        List<Double> inserts = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            aggregates.add(aggregateFloor(platform, enterpriseId));
            inserts.add(insertFloor(platform, enterpriseId));
        }
        double median = median(proposals.subList(1, proposals.size()));
        System.out.printf("%n| roster proposal, %,d retirees | seconds |%n|---|---|%n", rows);
        System.out.printf("| first proposal (inserts every entry) | %.2f |%n", proposals.getFirst());
        System.out.printf("| re-proposal, nothing changed, median of %d (rules run for every retiree; only changes are written) | %.2f |%n",
                proposals.size() - 1, median);
        System.out.printf("| floor 1: SQL aggregate (retirees per residence area), median | %.3f |%n", median(aggregates));
        System.out.printf("| floor 2: one INSERT … SELECT of as many rows into an unindexed table, median | %.2f |%n",
                median(inserts));
        System.out.printf("| first proposal / floor 1 | %.0f× |%n", proposals.getFirst() / median(aggregates));
        System.out.printf("| re-proposal / floor 1 | %.1f× |%n", median / median(aggregates));
        System.out.printf("| re-proposal / floor 2 | %.1f× |%n", median / median(inserts));
    }

    /** One street office per (area, street) the roster names, so the rule can match bodies by street. */
    private static int registerStreets(Platform platform, BenchClient api) throws Exception {
        List<String[]> streets = new ArrayList<>();
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT residence_area, residence_street FROM registry.retirees"
                     + " WHERE residence_street IS NOT NULL")) {
            while (rs.next()) {
                streets.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] street : streets) {
            api.send("POST", "/api/v1/areas/" + street[0] + "/receiving-bodies",
                    Json.bytes(Map.of("nameZh", street[1], "kind", "STREET")), "application/json");
        }
        return streets.size();
    }

    private static double aggregateFloor(Platform platform, String enterpriseId) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT residence_area, count(*) FROM registry.retirees"
                     + " WHERE enterprise_id = ?::uuid GROUP BY residence_area")) {
            ps.setString(1, enterpriseId);
            long start = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(2);
                }
            }
            return seconds(start);
        }
    }

    private static double insertFloor(Platform platform, String enterpriseId) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench");
            s.execute("DROP TABLE IF EXISTS bench.proposals");
            s.execute("CREATE TABLE bench.proposals (retiree_id uuid, name text, residence_area text,"
                    + " residence_street text, area text, body uuid, reason text, body_reason text, rule text,"
                    + " alternatives text)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench.proposals SELECT id, name, residence_area,"
                    + " residence_street, insured_area, NULL, 'INSURED_AREA', 'NO_BODY_DETERMINED', 'municipal-default',"
                    + " residence_area || ':RESIDENCE_NOT_CONCENTRATED' FROM registry.retirees"
                    + " WHERE enterprise_id = ?::uuid")) {
                ps.setString(1, enterpriseId);
                long start = System.nanoTime();
                ps.executeUpdate();
                double elapsed = seconds(start);
                s.execute("DROP TABLE bench.proposals");
                return elapsed;
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
