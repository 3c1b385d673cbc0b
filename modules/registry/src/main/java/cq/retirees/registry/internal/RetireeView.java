package cq.retirees.registry.internal;

import cq.retirees.infra.http.Language;
import cq.retirees.infra.http.Messages;
import cq.retirees.registry.Retiree;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A retiree as the API shows it. The ID number and phone come masked, party data absent, unless the caller asked
 * for that field with {@code ?reveal=} and may see it (the reveal is audited by the caller of {@link #of}).
 */
record RetireeView(UUID id, UUID enterpriseId, String idNumber, String name, String sex, String sexLabel,
                   LocalDate birthDate, LocalDate retirementDate, String retireeType, String retireeTypeLabel,
                   String insuredAreaCode, String residenceAddress, String residenceAreaCode, String residenceStreet,
                   String phone, Boolean partyMember, String partyOrganisation, String leaderManagementLevel,
                   boolean immobile, String status, String statusLabel, LocalDate deathDate, String receivingAreaCode,
                   UUID receivingBodyId, LocalDate receivedOn, List<String> revealed, long version, Instant createdAt, Instant updatedAt) {

    static RetireeView of(Retiree r, Set<RevealableField> reveal, Messages messages, Language language) {
        boolean party = reveal.contains(RevealableField.PARTY);
        return new RetireeView(r.id(), r.enterpriseId(),
                reveal.contains(RevealableField.ID_NUMBER) ? r.idNumber().value() : r.idNumber().masked(),
                r.name(), r.sex().name(), messages.label("Sex", r.sex().name(), language), r.birthDate(),
                r.retirementDate(), r.type().name(), messages.label("RetireeType", r.type().name(), language),
                r.insuredArea().value(), r.residenceAddress(), r.residenceArea().value(), r.residenceStreet(),
                r.phone() == null ? null : reveal.contains(RevealableField.PHONE) ? r.phone() : maskPhone(r.phone()),
                party ? r.partyMember() : null, party ? r.partyOrganisation() : null,
                r.leaderManagementLevel() == null ? null : r.leaderManagementLevel().name(), r.immobile(),
                r.status().name(), messages.label("RetireeStatus", r.status().name(), language), r.deathDate(),
                r.receivingArea() == null ? null : r.receivingArea().value(), r.receivingBodyId(),
                r.receivedOn(), reveal.stream().map(RevealableField::parameter).sorted().toList(), r.version(), r.createdAt(),
                r.updatedAt());
    }

    /** First three and last four digits of a mobile number; shorter numbers keep only their last two. */
    static String maskPhone(String phone) {
        if (phone.length() >= 11) {
            return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
        }
        return "*".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
    }
}
