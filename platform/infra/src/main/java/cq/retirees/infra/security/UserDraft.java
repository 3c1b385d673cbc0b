package cq.retirees.infra.security;

import java.util.List;

/** Body of {@code POST /admin/users}. */
public record UserDraft(String username, String displayName, String password, List<String> roles,
                        List<String> areaCodes, List<String> receivingBodyIds, List<String> enterpriseIds) {
}
