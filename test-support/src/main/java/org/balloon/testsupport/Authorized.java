package org.balloon.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests that carry a bearer token of one role (see {@link TestTokens}). */
public final class Authorized {

    private Authorized() {
    }

    public static RequestSpecification asViewer() {
        return RestAssured.given().auth().oauth2(TestTokens.viewer());
    }

    public static RequestSpecification asAnalyst() {
        return RestAssured.given().auth().oauth2(TestTokens.analyst());
    }

    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().oauth2(TestTokens.admin());
    }
}
