package cq.retirees.app;

import cq.retirees.infra.config.PlatformConfig;
import io.helidon.logging.common.LogConfig;

/** Starts the platform; stops it cleanly (embedded database included) on SIGTERM or Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Platform platform = Platform.start(PlatformConfig.load());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
        platform.generatedAdminPassword().ifPresent(Main::announceFirstAdmin);
        System.out.println("Platform listening on http://localhost:" + platform.port()
                + "  (API /api/v1, health /observe/health, OpenAPI /openapi)");
    }

    /** Printed once, to the console only: the password is never logged or stored in clear. */
    private static void announceFirstAdmin(String password) {
        System.out.println("""
                ================================================================
                 First start: created the platform administrator "admin".
                 One-time password: %s
                 It is shown only now. Log in and change it (PATCH /api/v1/admin/users/{id}),
                 or set PLATFORM_ADMIN_PASSWORD before the first start.
                ================================================================""".formatted(password));
    }
}
