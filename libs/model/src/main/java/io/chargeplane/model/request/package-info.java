/**
 * Device requests that need a platform answer within the device's own timeout (authorization, transaction
 * ids), and their replies. They travel as MQTT 5 request/response; the reply goes to the response topic the
 * adapter named, with the request's correlation data.
 */
package io.chargeplane.model.request;
