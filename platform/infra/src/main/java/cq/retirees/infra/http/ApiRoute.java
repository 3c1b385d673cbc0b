package cq.retirees.infra.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/** One documented route of a service: method, path relative to the service's mount point, handler. */
public record ApiRoute(Method method, String path, Handler handler) {

    public static ApiRoute get(String path, Handler handler) {
        return new ApiRoute(Method.GET, path, handler);
    }

    public static ApiRoute post(String path, Handler handler) {
        return new ApiRoute(Method.POST, path, handler);
    }

    public static ApiRoute patch(String path, Handler handler) {
        return new ApiRoute(Method.PATCH, path, handler);
    }

    public static ApiRoute put(String path, Handler handler) {
        return new ApiRoute(Method.PUT, path, handler);
    }

    public static ApiRoute delete(String path, Handler handler) {
        return new ApiRoute(Method.DELETE, path, handler);
    }
}
