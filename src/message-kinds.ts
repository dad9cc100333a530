/**
 * Every kind of outbox message the features define, registered with the outbox's registry
 * (src/delivery/message-types.ts) by importing the modules that register them. The composition
 * root imports this module, so a process that only drains the outbox still renders every kind;
 * the outbox itself knows no feature. A new message kind adds its module here.
 */
import './checkins/prompt-message-type.js';
import './digest/digest-message-type.js';
