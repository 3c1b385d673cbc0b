/** Who is acting and what they may reach: plain values every module can depend on. */
package cq.retirees.kernel.access;
