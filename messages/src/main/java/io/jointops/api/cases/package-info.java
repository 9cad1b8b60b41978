/** Commands and events of joint cases, owned by case-service. */
package io.jointops.api.cases;
