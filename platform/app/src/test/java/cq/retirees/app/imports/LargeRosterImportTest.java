package cq.retirees.app.imports;

import cq.retirees.app.imports.ImportFixture.Enterprise;
import cq.retirees.app.imports.ImportFixture.Run;
import cq.retirees.app.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated roster of 5,000 rows, written in chunks of 1,000 so that progress is visible while it runs: every
 * snapshot of the progress must add up, and never go backwards.
 */
class LargeRosterImportTest {

    private static final int ROWS = 5_000;

    private static ImportFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ImportFixture.start(LargeRosterImportTest.class, Map.of("registry.import.chunk-rows", "1000"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void fiveThousandRowsAreAllCreatedWithConsistentProgress() {
        Enterprise enterprise = fixture.enterprise();
        Roster roster = Roster.english(Roster.ALL).add(people(enterprise));
        Run run = importWatchingProgress(enterprise, roster.csv());
        run.assertCompleted(ROWS, ROWS, 0, 0, 0);
        assertEquals(ROWS, fixture.count(enterprise));
        assertEquals(List.of(), ImportFixture.errorKeys(fixture.municipal, run.id()));
        assertTrue(run.json().get("fileBytes").asLong() > ROWS * 50L, run.json()::toString);
    }

    @Test
    void reImportingFiveThousandRowsWithSomeChangesCountsEachRowOnce() {
        Enterprise enterprise = fixture.enterprise();
        List<Person> people = people(enterprise);
        importWatchingProgress(enterprise, Roster.english().add(people).csv()).assertCompleted(ROWS, ROWS, 0, 0, 0);

        List<Person> again = new ArrayList<>(people);
        for (int i = 0; i < ROWS; i += 50) { // every 50th person moved: 100 updates
            again.set(i, people.get(i).with("residenceAddress", "北碚区新址路" + i + "号"));
        }
        for (int i = 25; i < ROWS; i += 500) { // every 500th a bad area code: 10 rejections
            again.set(i, people.get(i).with("residenceAreaCode", "500199"));
        }
        Run run = importWatchingProgress(enterprise, Roster.english().add(again).csv());
        run.assertCompleted(ROWS, 0, 100, ROWS - 110, 10);
        assertEquals(ROWS, fixture.count(enterprise));
        assertEquals(10, ImportFixture.errors(fixture.municipal, run.id()).size());
    }

    private static List<Person> people(Enterprise enterprise) {
        return IntStream.range(0, ROWS).mapToObj(i -> Person.of(enterprise.creditCode())).toList();
    }

    /** Uploads, then polls every 100 ms, checking that every snapshot adds up and none goes backwards. */
    private static Run importWatchingProgress(Enterprise enterprise, byte[] file) {
        Api.Response accepted = ImportFixture.upload(fixture.municipal, enterprise, Roster.CSV, file);
        assertEquals(202, accepted.status(), accepted::toString);
        String id = accepted.json().get("id").asText();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long lastRead = 0;
        while (true) {
            Run snapshot = new Run(fixture.municipal.get("/api/v1/retirees/imports/" + id).json());
            assertEquals(snapshot.read(), snapshot.created() + snapshot.updated() + snapshot.unchanged()
                    + snapshot.rejected(), () -> "progress does not add up: " + snapshot.json());
            assertTrue(snapshot.read() >= lastRead, () -> "progress went backwards: " + snapshot.json());
            assertTrue(snapshot.read() <= ROWS, snapshot.json()::toString);
            lastRead = snapshot.read();
            if (snapshot.status().equals("COMPLETED") || snapshot.status().equals("FAILED")) {
                return snapshot;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import did not finish in 60 s: " + snapshot.json());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
