export const id = 930;
export const ids = [930];
export const modules = {

/***/ 2930:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   subPaths: () => (/* binding */ subPaths)
/* harmony export */ });
/* harmony import */ var _chunk_FFYIGW52_mjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8590);
/* harmony import */ var fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1943);
/* harmony import */ var url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7016);


// src/utils/sub-paths.ts


async function subPaths(path, maxDepth = 10) {
  const state = await (0,fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path);
  if (!state.isDirectory()) {
    return [{ path, relativePath: "." }];
  }
  const files = await (0,fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(path, { withFileTypes: true });
  const ret = [];
  for (const file of files) {
    const filePath = (0,url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)((0,url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(path) + "/" + file.name);
    if (file.isDirectory()) {
      ret.push(
        ...(await subPaths(filePath, maxDepth - 1)).map((subPath) => ({
          ...subPath,
          relativePath: `${file.name}/${subPath.relativePath}`
        }))
      );
    } else {
      ret.push({ path: filePath, relativePath: file.name });
    }
  }
  return ret;
}



/***/ })

};
