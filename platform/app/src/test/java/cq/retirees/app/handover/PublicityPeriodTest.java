package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cq.retirees.app.handover.HandoverFixture.PLANS;
import static cq.retirees.app.handover.HandoverFixture.created;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static cq.retirees.app.handover.HandoverFixture.transition;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The publicity period with {@code handover.publicity.minimum-days} = 7: a plan may not be made public for less,
 * a plan made public without an end date is public for exactly the minimum, and it cannot be approved before then.
 */
class PublicityPeriodTest {

    private static final int MINIMUM_DAYS = 7;
    private static final AtomicInteger USERS = new AtomicInteger();

    static TestPlatform platform;
    static Api admin;
    static Api municipal;

    @BeforeAll
    static void start() {
        Map<String, String> settings = new HashMap<>(HandoverFixture.SETTINGS);
        settings.put("handover.publicity.minimum-days", Integer.toString(MINIMUM_DAYS));
        platform = TestPlatform.start(PublicityPeriodTest.class, settings);
        admin = platform.admin();
        municipal = HandoverFixture.user(platform, admin, "publicity-municipal", "MUNICIPAL_ADMIN", Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aPublicityShorterThanTheMinimumIsRefusedAndChangesNothing() {
        Ready ready = readyPlan();
        Api op = ready.operator();
        String id = ready.planId();
        LocalDate earliest = today().plusDays(MINIMUM_DAYS);
        JsonNode before = ok(op.get(PLANS + "/" + id)).json();
        assertEquals(MINIMUM_DAYS, before.at("/publicity/minimumDays").asInt());

        for (LocalDate ends : List.of(earliest.minusDays(1), today(), today().minusDays(1))) {
            Api.Response refused = transition(op, id, "PUBLICITY", Map.of("publicityEndsOn", ends.toString()));
            JsonNode problem = assertProblem(refused, 422, "PUBLICITY_TOO_SHORT");
            assertEquals("Publicity lasts at least " + MINIMUM_DAYS + " days: it may end on " + earliest
                    + " at the earliest.", problem.get("detail").asText());
            JsonNode after = ok(op.get(PLANS + "/" + id)).json();
            assertEquals("CONSULTATION", after.get("state").asText());
            assertEquals(before, after, "a refused transition changes nothing");
        }

        JsonNode publicity = ok(transition(op, id, "PUBLICITY", Map.of("publicityEndsOn", earliest.toString())))
                .json();
        assertEquals("PUBLICITY", publicity.get("state").asText());
        assertEquals(today().toString(), publicity.at("/publicity/startsOn").asText());
        assertEquals(earliest.toString(), publicity.at("/publicity/endsOn").asText());
    }

    @Test
    void withoutAnEndDateThePublicityLastsTheMinimumAndBlocksApprovalUntilThen() {
        Ready ready = readyPlan();
        Api op = ready.operator();
        String id = ready.planId();
        LocalDate earliest = today().plusDays(MINIMUM_DAYS);
        JsonNode publicity = ok(transition(op, id, "PUBLICITY")).json();
        assertEquals(today().toString(), publicity.at("/publicity/startsOn").asText());
        assertEquals(earliest.toString(), publicity.at("/publicity/endsOn").asText());

        ok(HandoverFixture.put(op, PLANS + "/" + id + "/risk-assessment", id, HandoverFixture.risk()));
        ok(HandoverFixture.put(op, PLANS + "/" + id + "/three-party-mechanism", id, HandoverFixture.threeParty()));
        ok(HandoverFixture.put(op, PLANS + "/" + id + "/continuing-benefits", id, HandoverFixture.benefits()));
        JsonNode before = ok(op.get(PLANS + "/" + id)).json();
        JsonNode problem = assertProblem(transition(op, id, "APPROVED"), 409, "PUBLICITY_NOT_ENDED");
        assertEquals("The publicity period runs until " + earliest + "; the plan can be approved from that day.",
                problem.get("detail").asText());
        assertEquals(List.of("PUBLICITY_NOT_ENDED"), HandoverFixture.texts(problem.get("errors"), "code"));
        assertEquals(before, ok(op.get(PLANS + "/" + id)).json(), "a refused transition changes nothing");
    }

    @Test
    void aLongerPublicityIsKept() {
        Ready ready = readyPlan();
        Api op = ready.operator();
        String id = ready.planId();
        LocalDate ends = today().plusDays(30);
        JsonNode publicity = ok(transition(op, id, "PUBLICITY", Map.of("publicityEndsOn", ends.toString()))).json();
        assertEquals(ends.toString(), publicity.at("/publicity/endsOn").asText());
    }

    /** The server's clock is UTC ({@code Platform} uses {@code Clock.systemUTC()}): its "today" is UTC's. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private record Ready(Api operator, String planId) {
    }

    /**
     * A new enterprise with one retiree, its operator (reading English), and its plan in CONSULTATION with the
     * roster proposed and a consultation with representatives: nothing but the period can refuse PUBLICITY.
     */
    private static Ready readyPlan() {
        String enterprise = HandoverFixture.enterprise(municipal, "500103", "500103");
        Api op = HandoverFixture.user(platform, admin, "publicity-op-" + USERS.incrementAndGet(),
                "ENTERPRISE_OPERATOR", Map.of("enterpriseIds", List.of(enterprise)))
                .withHeader("Accept-Language", "en");
        HandoverFixture.retiree(municipal, enterprise, "500103", "500103", null);
        String id = HandoverFixture.plan(op, enterprise).get("id").asText();
        ok(HandoverFixture.propose(op, id));
        ok(transition(op, id, "CONSULTATION"));
        created(op.post(PLANS + "/" + id + "/consultations", HandoverFixture.consultation()));
        return new Ready(op, id);
    }
}
