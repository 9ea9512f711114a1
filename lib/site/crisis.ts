/**
 * Public crisis and referral lines (checked 2026; see shared research, section 2). 988's former "press 3"
 * option ended on 2025-07-17 and is deliberately not listed.
 */
export const crisisLines = {
  emergency: { tel: "911", display: "911" },
  lifeline: { tel: "988", display: "988", chatUrl: "https://988lifeline.org/chat/" },
  samhsa: { tel: "+18006624357", display: "1-800-662-4357", ttyTel: "+18004874889", ttyDisplay: "1-800-487-4889" },
} as const;
