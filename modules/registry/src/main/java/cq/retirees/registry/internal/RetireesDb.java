package cq.retirees.registry.internal;

import cq.retirees.infra.crypto.PersonalDataCipher;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.kernel.Sex;
import cq.retirees.registry.LeaderManagementLevel;
import cq.retirees.registry.Retiree;
import cq.retirees.registry.RetireeStatus;
import cq.retirees.registry.RetireeType;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Retirees in {@code registry.retirees}. ID and phone numbers go in encrypted and come out decrypted; they are
 * found by their keyed hash, never by their value.
 */
public final class RetireesDb {

    /** List filters; null means "any". */
    record Filter(UUID enterpriseId, AreaCode area, UUID receivingBodyId, RetireeStatus status, byte[] idNumberHash,
                  String nameContains) {
    }

    private final PersonalDataCipher cipher;

    public RetireesDb(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    byte[] idNumberHash(ResidentIdNumber id) {
        return cipher.lookupHash(id.value());
    }

    byte[] phoneHash(String phone) {
        return phone == null ? null : cipher.lookupHash("phone:" + phone);
    }

    byte[] encrypt(String value) {
        return value == null ? null : cipher.encrypt(value);
    }

    Optional<Retiree> byId(DbExecute db, UUID id) {
        return db.get("SELECT * FROM registry.retirees WHERE id = ?::uuid", id).map(this::retiree);
    }

    /** The enterprise that holds this ID number, if any: one person is registered once in the whole city. */
    Optional<UUID> enterpriseHolding(DbExecute db, ResidentIdNumber id) {
        return db.get("SELECT enterprise_id FROM registry.retirees WHERE id_number_hash = ?", idNumberHash(id))
                .map(r -> Rows.uuid(r, "enterprise_id"));
    }

    void insert(DbExecute db, UUID id, UUID enterpriseId, RetireeFacts f) {
        db.dml("INSERT INTO registry.retirees (id, enterprise_id, id_number_hash, id_number_cipher, name, name_grams, sex,"
                        + " birth_date, retirement_date, retiree_type, insured_area, residence_address, residence_area,"
                        + " residence_street, phone_cipher, phone_hash, party_member, party_organisation,"
                        + " leader_management_level, immobile, status, death_date)"
                        + " VALUES (?::uuid, ?::uuid, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, enterpriseId, idNumberHash(f.idNumber()), encrypt(f.idNumber().value()), f.name(),
                NameGrams.literal(f.name()), f.sex().name(),
                Date.valueOf(f.idNumber().birthDate()), Date.valueOf(f.retirementDate()), f.type().name(),
                f.insuredArea().value(), f.residenceAddress(), f.residenceArea().value(), f.residenceStreet(),
                encrypt(f.phone()), phoneHash(f.phone()), f.partyMember(), f.partyOrganisation(),
                f.leaderManagementLevel() == null ? null : f.leaderManagementLevel().name(), f.immobile(),
                f.initialStatus().name(), f.deathDate() == null ? null : Date.valueOf(f.deathDate()));
    }

    /** Rewrites the facts other than identity and status; false when the version has moved on. */
    boolean update(DbExecute db, UUID id, long expectedVersion, RetireeFacts f) {
        return db.dml("UPDATE registry.retirees SET name = ?, name_grams = ?::text[], retirement_date = ?, retiree_type = ?, insured_area = ?,"
                        + " residence_address = ?, residence_area = ?, residence_street = ?, phone_cipher = ?,"
                        + " phone_hash = ?, party_member = ?, party_organisation = ?, leader_management_level = ?,"
                        + " immobile = ?, version = version + 1, updated_at = now() WHERE id = ?::uuid AND version = ?",
                f.name(), NameGrams.literal(f.name()), Date.valueOf(f.retirementDate()), f.type().name(),
                f.insuredArea().value(),
                f.residenceAddress(), f.residenceArea().value(), f.residenceStreet(), encrypt(f.phone()),
                phoneHash(f.phone()), f.partyMember(), f.partyOrganisation(),
                f.leaderManagementLevel() == null ? null : f.leaderManagementLevel().name(), f.immobile(), id,
                expectedVersion) == 1;
    }

    boolean recordDeath(DbExecute db, UUID id, long expectedVersion, LocalDate deathDate) {
        return db.dml("UPDATE registry.retirees SET status = 'DECEASED', death_date = ?, version = version + 1,"
                        + " updated_at = now() WHERE id = ?::uuid AND version = ? AND status <> 'DECEASED'",
                Date.valueOf(deathDate), id, expectedVersion) == 1;
    }

    /**
     * A keyset page ordered by id (creation order) within the caller's scope. Name search matches any substring
     * through the gram index, then confirms with a plain substring test.
     */
    List<Retiree> page(DbExecute db, ScopeFilter scope, Filter filter, UUID afterId, int fetch) {
        String area = filter.area() == null ? null : filter.area().value();
        String status = filter.status() == null ? null : filter.status().name();
        String name = filter.nameContains();
        try (Stream<DbRow> rows = db.query("SELECT * FROM registry.retirees WHERE id > ?::uuid"
                        + " AND (? OR enterprise_id = ANY(?::uuid[])"
                        + "      OR (NOT ? AND (residence_area = ANY(?::text[]) OR receiving_area = ANY(?::text[])))"
                        + "      OR (? AND receiving_area = ANY(?::text[]) AND receiving_body_id = ANY(?::uuid[])))"
                        + " AND (?::uuid IS NULL OR enterprise_id = ?::uuid)"
                        + " AND (?::text IS NULL OR residence_area = ? OR receiving_area = ?)"
                        + " AND (?::uuid IS NULL OR receiving_body_id = ?::uuid)"
                        + " AND (?::text IS NULL OR status = ?)"
                        + " AND (?::bytea IS NULL OR id_number_hash = ?)"
                        + " AND (?::text IS NULL OR (name_grams @> registry.query_grams(?) AND strpos(name, ?) > 0))"
                        + " ORDER BY id LIMIT ?",
                afterId, scope.citywide(), scope.enterprises(), scope.narrowedToBodies(), scope.areas(), scope.areas(),
                scope.narrowedToBodies(), scope.areas(), scope.receivingBodies(),
                filter.enterpriseId(), filter.enterpriseId(), area, area, area,
                filter.receivingBodyId(), filter.receivingBodyId(), status, status,
                filter.idNumberHash(), filter.idNumberHash(), name, name, name, fetch)) {
            return rows.map(this::retiree).toList();
        }
    }

    Retiree retiree(DbRow row) {
        byte[] phone = (byte[]) Rows.value(row, "phone_cipher");
        String leader = Rows.string(row, "leader_management_level");
        String receivingArea = Rows.string(row, "receiving_area");
        return new Retiree(Rows.uuid(row, "id"), Rows.uuid(row, "enterprise_id"),
                ResidentIdNumber.parse(cipher.decrypt((byte[]) Rows.value(row, "id_number_cipher"))),
                Rows.string(row, "name"), Sex.valueOf(Rows.string(row, "sex")), Rows.date(row, "birth_date"),
                Rows.date(row, "retirement_date"), RetireeType.valueOf(Rows.string(row, "retiree_type")),
                AreaCode.of(Rows.string(row, "insured_area")), Rows.string(row, "residence_address"),
                AreaCode.of(Rows.string(row, "residence_area")), Rows.string(row, "residence_street"),
                phone == null ? null : cipher.decrypt(phone), Rows.bool(row, "party_member"),
                Rows.string(row, "party_organisation"), leader == null ? null : LeaderManagementLevel.valueOf(leader),
                Rows.bool(row, "immobile"), RetireeStatus.valueOf(Rows.string(row, "status")),
                Rows.date(row, "death_date"), receivingArea == null ? null : AreaCode.of(receivingArea),
                Rows.uuid(row, "receiving_body_id"), Rows.date(row, "received_on"), Rows.longValue(row, "version"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }
}
