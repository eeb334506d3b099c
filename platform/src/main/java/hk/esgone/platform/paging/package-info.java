/** Cursor pagination shared by every service: one signed cursor format and one limit rule. */
package hk.esgone.platform.paging;
