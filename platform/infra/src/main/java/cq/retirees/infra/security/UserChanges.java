package cq.retirees.infra.security;

import java.util.List;

/** Body of {@code PATCH /admin/users/{id}}: only the fields present change. */
public record UserChanges(String displayName, String password, List<String> roles, List<String> areaCodes,
                          List<String> receivingBodyIds, List<String> enterpriseIds, Boolean disabled) {
}
