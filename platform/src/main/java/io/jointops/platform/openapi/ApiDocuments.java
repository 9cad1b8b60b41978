package io.jointops.platform.openapi;

import io.jointops.platform.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every service's OpenAPI document as a user meets it in Swagger UI behind the gateway: what the service is (title,
 * the build's version, its context and rules, from {@code jointops.api.title} and {@code jointops.api.description}),
 * the gateway as its only server (the services are not reachable from outside), Keycloak's authorization code flow
 * with PKCE as its security scheme (Swagger UI logs in with the public client {@code jointops-web}), and on every
 * operation the problems it may answer (RFC 9457, {@code application/problem+json}).
 * <p>
 * It leaves out the {@link Caller} argument of the controllers, which comes from the validated token and never from
 * the request (springdoc would list it as a query parameter). The internal command bus endpoints are excluded by
 * {@code springdoc.paths-to-exclude} in jointops-defaults.properties.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocuments {

    /** The name of the security scheme every operation requires. */
    public static final String KEYCLOAK = "keycloak";

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    static {
        // springdoc's documented way to hide an argument type resolved by the application itself; global by design
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI apiDocument(@Value("${jointops.api.title:${spring.application.name}}") String title,
                        @Value("${jointops.api.description:}") String description,
                        @Value("${jointops.api.gateway-url}") String gatewayUrl,
                        @Value("${jointops.issuer-uri}") String issuer,
                        ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String openIdConnect = issuer.replaceAll("/+$", "") + "/protocol/openid-connect";
        return new OpenAPI()
                .info(new Info().title(title).description(description)
                        .version(properties == null ? "development" : properties.getVersion()))
                .servers(List.of(new Server().url(gatewayUrl).description("the JointOps gateway")))
                .components(new Components()
                        .addSecuritySchemes(KEYCLOAK, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Keycloak: an officer logs in (authorization code with PKCE, public client "
                                        + "jointops-web); a partner system uses its agency's client credentials")
                                .flows(new OAuthFlows()
                                        .authorizationCode(new OAuthFlow()
                                                .authorizationUrl(openIdConnect + "/auth")
                                                .tokenUrl(openIdConnect + "/token")
                                                .scopes(new Scopes().addString("openid", "the officer's identity")))
                                        .clientCredentials(new OAuthFlow()
                                                .tokenUrl(openIdConnect + "/token")
                                                .scopes(new Scopes()))))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(KEYCLOAK));
    }

    /**
     * The problems an operation may answer, added where its own annotations do not name them: 400 (bad input, the
     * field named), 401 (no valid token), 403 (the caller's role may not), 404 for an item named in the path (missing,
     * or not released to the caller's agency: the same answer), 409 and 412 for a write to an existing item (its state
     * forbids it; the {@code If-Match} version is not the current one), 422 for a create with {@code Idempotency-Key}
     * reused with another body.
     */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            problem(responses, "400", "Bad input: the problem's errors name each field and what is wrong with it");
            problem(responses, "401", "No valid access token");
            problem(responses, "403", "The caller's roles or agency may not do this");
            boolean item = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
            if (item) {
                problem(responses, "404", "No such item, or not released to the caller's agency (the same answer)");
            }
            boolean write = writes(handler);
            if (write && item) {
                problem(responses, "409", "The item's state does not allow this now");
            }
            if (hasHeader(operation, "If-Match")) {
                problem(responses, "412", "The item changed since the version named in If-Match");
            }
            if (hasHeader(operation, "Idempotency-Key")) {
                problem(responses, "422", "The Idempotency-Key was used before with another body");
            }
            return operation;
        };
    }

    private static boolean writes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(WRITES::contains);
    }

    private static boolean hasHeader(Operation operation, String name) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    /** RFC 9457's members as the services write them (ProblemResponses): the fields at fault in {@code errors}. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(Map.of("field", new StringSchema().description("the field at fault, e.g. title"),
                "detail", new StringSchema().description("what is wrong with it")));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem");
        problem.setProperties(Map.of(
                "type", new StringSchema(),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema(),
                "instance", new StringSchema(),
                "field", new StringSchema().description("the one field or header at fault, e.g. If-Match"),
                "errors", new ArraySchema().items(error)));
        return problem;
    }
}
