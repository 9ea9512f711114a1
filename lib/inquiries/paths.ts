/** Where the form posts and where a stored inquiry sends the person: shared by the page, its browser module and the route. */
export const INQUIRY_API_PATH = "/api/inquiries";
export const THANKS_PATH = "/contact/thanks";
