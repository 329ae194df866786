package casebook.security.session;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Replaces Spring Boot's in-memory session store with {@link MongoWebSessionStore}; the session cookie stays as
 * configured ({@code server.reactive.session.cookie.*}: SESSION, SameSite=Strict, HttpOnly) and the idle timeout
 * is {@code server.reactive.session.timeout} ({@code CASEBOOK_SESSION_TIMEOUT}, a working day).
 */
@Configuration(proxyBeanMethods = false)
class WebSessionConfiguration {

    @Bean(name = WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(MongoDatabase database, Clock clock, ServerProperties server,
                                        ObjectProvider<WebSessionIdResolver> cookie) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(new MongoWebSessionStore(database, clock, server.getReactive().getSession().getTimeout()));
        cookie.ifAvailable(manager::setSessionIdResolver);
        return manager;
    }
}
