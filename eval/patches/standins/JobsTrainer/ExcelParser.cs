// Eval stand-in, copied in by eval/patches/JobsTrainer.sh: the CsvHelper.Excel.Core package is not served
// by the package mirror the evaluation runs against. LmiaInfoController uses one type of it,
// `new CsvReader(new ExcelParser(path))`; this declares ExcelParser with that shape so the app's own code
// compiles unchanged. It reads the file as comma-separated text, not as an Excel workbook.
using System.Globalization;
using System.IO;

namespace CsvHelper.Excel;

public class ExcelParser : CsvParser
{
    public ExcelParser(string path)
        : base(new StreamReader(path), CultureInfo.InvariantCulture)
    {
    }
}
