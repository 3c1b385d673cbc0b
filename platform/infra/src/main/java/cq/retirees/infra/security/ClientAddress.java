package cq.retirees.infra.security;

import io.helidon.webserver.http.ServerRequest;

import java.net.InetSocketAddress;

/** The peer address of a request, for throttling and the audit trail. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerRequest request) {
        if (request.remotePeer().address() instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return request.remotePeer().host();
    }
}
