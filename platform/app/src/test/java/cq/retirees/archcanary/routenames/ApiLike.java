package cq.retirees.archcanary.routenames;

import io.helidon.webserver.http.HttpService;

/** Legal: an interface is a contract, not a service (like infra's ApiService). */
public interface ApiLike extends HttpService {
}
