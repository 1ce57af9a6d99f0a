package io.fastship.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.NotFoundResponse;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();

    @Test
    void shouldKeepTheStatusAndCodeOfRegistryErrors() {
        assertThat(mapper.map(RegistryException.subjectNotFound("orders-value")))
                .isEqualTo(new ErrorMapper.ErrorResponse(404, 40401, "Subject 'orders-value' not found."));
        assertThat(mapper.map(RegistryException.incompatible("details")))
                .extracting(ErrorMapper.ErrorResponse::httpStatus, ErrorMapper.ErrorResponse::errorCode)
                .containsExactly(409, 40901);
        assertThat(mapper.map(RegistryException.invalidSchema("bad")))
                .extracting(ErrorMapper.ErrorResponse::httpStatus, ErrorMapper.ErrorResponse::errorCode)
                .containsExactly(422, 42201);
    }

    @Test
    void shouldUseTheStatusAsCodeForTheWebFrameworksOwnAnswers() {
        assertThat(mapper.map(new NotFoundResponse("Endpoint GET /nope not found")))
                .isEqualTo(new ErrorMapper.ErrorResponse(404, 404, "Endpoint GET /nope not found"));
    }

    @Test
    void shouldHideUnexpectedFailuresBehind50001() {
        ErrorMapper.ErrorResponse response = mapper.map(new IllegalStateException("secret internals"));

        assertThat(response.httpStatus()).isEqualTo(500);
        assertThat(response.errorCode()).isEqualTo(50001);
        assertThat(response.message()).doesNotContain("secret internals").contains("IllegalStateException");
    }
}
