/** Texts of search (the dictionary, highlighted results); English in search.en.ts. */
export const searchVi = {
  field: {
    no_letters: 'Cần có chữ hoặc số',
    same_as_term: 'Trùng với chính thuật ngữ',
    duplicate: 'Bị lặp lại',
    term_exists: 'Thuật ngữ này đã có trong từ điển với cùng loại',
  },
  resource: {
    term: 'thuật ngữ',
  },
  results: {
    snippetLabel: 'Đoạn mô tả khớp',
  },
};
export type SearchMessages = typeof searchVi;
