/** The pre-export notification API: requests, responses and the controller that turns them into commands and view reads. */
package io.jointops.chemicals.web;
