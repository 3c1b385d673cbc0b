package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cq.retirees.app.handover.HandoverFixture.closeItems;
import static cq.retirees.app.handover.HandoverFixture.sign;
import static cq.retirees.app.handover.HandoverFixture.PLANS;
import static cq.retirees.app.handover.HandoverFixture.created;
import static cq.retirees.app.handover.HandoverFixture.etag;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static cq.retirees.app.handover.HandoverFixture.put;
import static cq.retirees.app.handover.HandoverFixture.transition;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One plan walked from DRAFT to COMPLETED through the HTTP API by the people who do it: the enterprise's operator
 * drafts, consults, publicises and opens batches; the receiving district signs its batch; the registry ends with
 * every retiree under socialized management from the batch's date; the checklist exports with Chinese headings.
 */
class HandoverWalkTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static TestPlatform platform;
    static Api municipal;
    static Api enterpriseOp;
    static Api jiangbei;
    static String enterprise;
    static String jiefangbei;
    static String guanyinqiao;
    static Map<String, String> retirees = new HashMap<>();

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(HandoverWalkTest.class, HandoverFixture.SETTINGS);
        Api admin = platform.admin();
        municipal = HandoverFixture.user(platform, admin, "walk-municipal", "MUNICIPAL_ADMIN", Map.of());
        enterprise = HandoverFixture.enterprise(municipal, "500103", "500103");
        enterpriseOp = HandoverFixture.user(platform, admin, "walk-enterprise", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(enterprise)));
        jiangbei = HandoverFixture.user(platform, admin, "walk-jiangbei", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500105")));
        jiefangbei = HandoverFixture.body(municipal, "500103", "解放碑街道", "STREET");
        guanyinqiao = HandoverFixture.body(municipal, "500105", "观音桥街道", "STREET");
        for (int i = 0; i < 3; i++) {
            retirees.put("yuzhong" + i, HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道"));
        }
        for (int i = 0; i < 4; i++) {
            retirees.put("jiangbei" + i, HandoverFixture.retiree(municipal, enterprise, "500103", "500105", "观音桥街道"));
        }
        retirees.put("shapingba", HandoverFixture.retiree(municipal, enterprise, "500103", "500106", null));
        retirees.put("cadre", HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道",
                "RETIRED_CADRE"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aPlanGoesFromDraftToCompletedAndItsRetireesAreReceived() throws Exception {
        JsonNode draft = HandoverFixture.plan(enterpriseOp, enterprise);
        String id = draft.get("id").asText();
        assertEquals("DRAFT", draft.get("state").asText());

        JsonNode proposal = ok(HandoverFixture.propose(enterpriseOp, id)).json();
        assertEquals(8, proposal.get("proposed").asLong(), proposal::toString);
        assertEquals(1, proposal.get("excludedRetiredCadres").asLong());
        assertEquals(4, proposal.get("byReason").get("INSURED_AREA").asLong(), proposal::toString);
        assertEquals(4, proposal.get("byReason").get("CONCENTRATED_RESIDENCE").asLong(), proposal::toString);

        ok(transition(enterpriseOp, id, "CONSULTATION"));
        created(enterpriseOp.post(PLANS + "/" + id + "/consultations", HandoverFixture.consultation()));
        JsonNode publicity = ok(transition(enterpriseOp, id, "PUBLICITY")).json();
        assertEquals(LocalDate.now().toString(), publicity.get("publicity").get("startsOn").asText());

        JsonNode objection = created(enterpriseOp.post(PLANS + "/" + id + "/objections", Map.of(
                "raisedOn", LocalDate.now().toString(), "raisedBy", "退休人员王某", "content", "希望由居住地街道接收。"))).json();
        ok(put(enterpriseOp, PLANS + "/" + id + "/risk-assessment", id, HandoverFixture.risk()));
        ok(put(enterpriseOp, PLANS + "/" + id + "/three-party-mechanism", id, HandoverFixture.threeParty()));
        ok(put(enterpriseOp, PLANS + "/" + id + "/continuing-benefits", id, HandoverFixture.benefits()));
        Api.Response unanswered = transition(enterpriseOp, id, "APPROVED");
        assertEquals(422, unanswered.status(), unanswered::toString);
        assertEquals("OBJECTIONS_UNANSWERED", unanswered.code());
        String objectionPath = PLANS + "/" + id + "/objections/" + objection.get("id").asText();
        ok(enterpriseOp.withHeader("If-Match", "\"" + objection.get("version").asLong() + "\"")
                .patch(objectionPath, Map.of("answer", "已按居住地街道接收。")));
        ok(transition(enterpriseOp, id, "APPROVED"));
        ok(transition(enterpriseOp, id, "IN_HANDOVER"));
        HandoverFixture.deliverEvents(platform);
        assertEquals(8, platform.count("SELECT count(*) FROM registry.retirees WHERE status = 'IN_HANDOVER'"));

        String effective = LocalDate.now().plusDays(1).toString();
        String yuzhongBatch = openBatch(id, "500103", jiefangbei, effective);
        String shapingbaBatch = openBatch(id, "500103", null, effective);
        String jiangbeiBatch = openBatch(id, "500105", guanyinqiao, effective);

        for (String batch : List.of(yuzhongBatch, shapingbaBatch)) {
            closeItems(enterpriseOp, batch);
            sign(enterpriseOp, batch, "ENTERPRISE");
            sign(municipal, batch, "RECEIVING");
        }
        closeItems(jiangbei, jiangbeiBatch);
        sign(enterpriseOp, jiangbeiBatch, "ENTERPRISE");
        JsonNode signed = sign(jiangbei, jiangbeiBatch, "RECEIVING");
        assertEquals("SIGNED", signed.get("state").asText());

        HandoverFixture.deliverEvents(platform);
        assertEquals(8, platform.count("SELECT count(*) FROM registry.retirees WHERE status ="
                + " 'UNDER_SOCIALIZED_MANAGEMENT' AND received_on = ?::date", effective));
        JsonNode received = ok(municipal.get("/api/v1/retirees/" + retirees.get("jiangbei0"))).json();
        assertEquals("500105", received.get("receivingAreaCode").asText());
        assertEquals(guanyinqiao, received.get("receivingBodyId").asText());
        assertEquals(effective, received.get("receivedOn").asText());
        assertEquals("AT_ENTERPRISE", ok(municipal.get("/api/v1/retirees/" + retirees.get("cadre"))).json()
                .get("status").asText(), "a retired cadre without an exception stays with the enterprise");

        JsonNode completed = ok(transition(enterpriseOp, id, "COMPLETED")).json();
        assertEquals("COMPLETED", completed.get("state").asText());
        assertEquals(List.of("DRAFT", "CONSULTATION", "PUBLICITY", "APPROVED", "IN_HANDOVER"),
                HandoverFixture.texts(completed.get("history"), "from"));

        Api.Response csv = ok(enterpriseOp.withHeader("Accept", "text/csv").get(PLANS + "/" + id + "/checklist"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF序号,批次编号,姓名,公民身份号码"), text);
        assertEquals(9, text.lines().count(), text);
        assertTrue(text.contains("5001**********"), "ID numbers are masked");

        String checklist = PLANS + "/" + id + "/checklist";
        assertEquals("text/csv; charset=UTF-8", ok(enterpriseOp.get(checklist)).header("Content-Type"),
                "no preference is CSV");
        assertTrue(ok(enterpriseOp.withHeader("Accept", "text/csv;q=0, " + XLSX + ";q=0.5").get(checklist))
                .header("Content-Type").startsWith(XLSX), "q-values decide");
        assertTrue(ok(enterpriseOp.withHeader("Accept", "text/csv;q=0.4, " + XLSX + ";q=0.9").get(checklist))
                .header("Content-Type").startsWith(XLSX));
        assertProblem(enterpriseOp.withHeader("Accept", "application/pdf").get(checklist), 406,
                "EXPORT_FORMAT_UNSUPPORTED");
        assertProblem(enterpriseOp.withHeader("Accept", "text/csv;q=0").get(checklist), 406,
                "EXPORT_FORMAT_UNSUPPORTED");

        Api.Response xlsx = ok(enterpriseOp.withHeader("Accept",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get(PLANS + "/" + id + "/checklist"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheets().filter(s -> s.getName().equals("交接清单")).findFirst().orElseThrow();
            List<Row> rows;
            try (Stream<Row> stream = sheet.openStream()) {
                rows = stream.toList();
            }
            assertEquals("序号", rows.getFirst().getCellText(0));
            assertEquals("接收区县", rows.getFirst().getCellText(6));
            assertEquals(9, rows.size());
            assertTrue(rows.stream().skip(1).anyMatch(r -> r.getCellText(6).contains("江北区")
                    && r.getCellText(7).equals("观音桥街道") && r.getCellText(11).equals("已接收")));
            Sheet items = workbook.getSheets().filter(s -> s.getName().equals("交接事项")).findFirst().orElseThrow();
            try (Stream<Row> stream = items.openStream()) {
                assertEquals(1 + 3 * 6, stream.count());
            }
        }
    }

    private static String openBatch(String planId, String area, String body, String effective) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("receivingAreaCode", area);
        draft.put("effectiveOn", effective);
        if (body != null) {
            draft.put("receivingBodyId", body);
        }
        return created(enterpriseOp.post(PLANS + "/" + planId + "/batches", draft)).json().get("id").asText();
    }
}
