/** The transaction report API: requests, responses and the controller that turns them into commands and view reads. */
package io.jointops.finance.web;
