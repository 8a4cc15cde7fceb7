using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Collects the cells the format readers find, one row at a time, into a <see cref="SubmissionTable"/>, applying the
/// rules all formats share: surrounding whitespace is trimmed, blank rows are skipped (their numbers still count), ragged
/// rows are padded with <see cref="SubmissionCell.Empty"/>, a column without header text is named <c>列N</c>, and the
/// row and column caps of <see cref="LimitsOptions"/> stop reading with an issue.
/// </summary>
/// <remarks>
/// Two header modes: the first non-blank row is the header (CSV, XLSX), or the headers are keys, added in order of
/// first appearance (JSON). Once a fatal issue is raised (<see cref="Fail"/>), further cells are ignored and the built
/// table has no rows, so that one cause yields one error rather than a cascade.
/// </remarks>
internal sealed class SubmissionTableBuilder
{
    private readonly int _maxRows;
    private readonly int _maxColumns;
    private readonly bool _keyed;
    private readonly List<string> _headers = [];
    private readonly Dictionary<string, int>? _columnsByKey;
    private readonly List<SubmissionRow> _rows = [];
    private readonly List<(int Row, int Column, string Text, bool Cached)> _formulaCells = [];
    private readonly List<ValidationIssue> _issues = [];
    private readonly SubmissionCell[] _buffer;
    private int _bufferUsed;
    private int _lastNonBlank = -1;
    private int _currentRow;
    private int _rowFormulaStart;
    private int _width;
    private int? _headerRow;

    private SubmissionTableBuilder(LimitsOptions limits, bool keyed)
    {
        _maxRows = limits.MaxRows;
        _maxColumns = limits.MaxColumns;
        _keyed = keyed;
        _buffer = new SubmissionCell[_maxColumns];
        _columnsByKey = keyed ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
    }

    /// <summary>True once a fatal issue has been raised; readers stop at the next row.</summary>
    public bool IsStopped { get; private set; }

    /// <summary>A builder whose first non-blank row is the header (CSV and XLSX).</summary>
    public static SubmissionTableBuilder ForHeaderRow(LimitsOptions limits) => new(limits, keyed: false);

    /// <summary>A builder whose headers are keys, in order of first appearance (JSON).</summary>
    public static SubmissionTableBuilder ForKeys(LimitsOptions limits) => new(limits, keyed: true);

    /// <summary>A table with no headers or rows and the one issue that made the file unreadable.</summary>
    public static SubmissionTable Failed(SubmissionFormat format, string? encoding, ValidationIssue issue) =>
        new(format, encoding, [], [], [issue]);

    /// <summary>Starts the row a person sees as <paramref name="number"/>.</summary>
    public void BeginRow(int number)
    {
        _currentRow = number;
        _rowFormulaStart = _formulaCells.Count;
    }

    /// <summary>
    /// The column of a key (keyed mode), adding it as a header on first sight; -1 once the column cap is broken.
    /// </summary>
    public int ColumnFor(string key)
    {
        if (_columnsByKey!.TryGetValue(key, out var column))
        {
            return column;
        }

        if (IsStopped)
        {
            return -1;
        }

        if (_headers.Count == _maxColumns)
        {
            Fail(SubmissionReadIssues.TooManyColumns(_currentRow, _headers.Count, key, _maxColumns));
            return -1;
        }

        column = _headers.Count;
        _columnsByKey.Add(key, column);
        _headers.Add(key.Trim());
        return column;
    }

    /// <summary>Sets a cell of the current row. Blank cells may be left out; a negative column is ignored.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <param name="text">The cell text as read; surrounding whitespace is trimmed here.</param>
    /// <param name="fromFormula">True for an XLSX formula cell; it gets a <c>formula-cell</c> warning.</param>
    /// <param name="cached">False for a formula cell that has no cached value.</param>
    public void SetCell(int column, string text, bool fromFormula = false, bool cached = true)
    {
        if (IsStopped || column < 0)
        {
            return;
        }

        var trimmed = text.Trim();
        var blank = trimmed.Length == 0;
        if (column >= _maxColumns)
        {
            if (!blank)
            {
                Fail(SubmissionReadIssues.TooManyColumns(_currentRow, column, trimmed, _maxColumns));
            }

            return;
        }

        if (blank && !fromFormula)
        {
            return;
        }

        _buffer[column] = blank ? new SubmissionCell(string.Empty, fromFormula) : new SubmissionCell(trimmed, fromFormula);
        _bufferUsed = Math.Max(_bufferUsed, column + 1);
        if (!blank)
        {
            _lastNonBlank = Math.Max(_lastNonBlank, column);
        }

        if (fromFormula)
        {
            _formulaCells.Add((_currentRow, column, trimmed, cached));
        }
    }

    /// <summary>Ends the current row: it becomes the header, a data row, or, when blank, is dropped.</summary>
    public void EndRow()
    {
        if (!IsStopped)
        {
            if (_lastNonBlank < 0)
            {
                DropFormulaCellsWithValuesInRow();
            }
            else if (!_keyed && _headerRow is null)
            {
                TakeHeader();
            }
            else if (_rows.Count == _maxRows)
            {
                Fail(SubmissionReadIssues.TooManyRows(_currentRow, _maxRows));
            }
            else
            {
                TakeRow();
            }
        }

        Array.Clear(_buffer, 0, _bufferUsed);
        _bufferUsed = 0;
        _lastNonBlank = -1;
    }

    /// <summary>Adds an issue that does not stop reading, such as an error on one row.</summary>
    public void AddIssue(ValidationIssue issue) => _issues.Add(issue);

    /// <summary>The header text of a column once the header row is read, else its <c>列N</c> name.</summary>
    public string HeaderName(int column) =>
        column < _headers.Count && _headers[column].Length > 0 ? _headers[column] : SubmissionReadIssues.ColumnName(column);

    /// <summary>Raises a fatal issue: reading stops and the table will have no rows.</summary>
    public void Fail(ValidationIssue issue)
    {
        IsStopped = true;
        _issues.Add(issue);
    }

    /// <summary>Builds the table; an empty file or a header without rows gets its issue here.</summary>
    public SubmissionTable Build(SubmissionFormat format, string? encoding)
    {
        if (IsStopped)
        {
            return new SubmissionTable(format, encoding, FinishHeaders(), [], _issues);
        }

        if (!_keyed && _headerRow is null)
        {
            return Failed(format, encoding, SubmissionReadIssues.Empty());
        }

        var headers = FinishHeaders();
        if (_rows.Count == 0)
        {
            return new SubmissionTable(format, encoding, headers, [], [.. _issues, SubmissionReadIssues.NoRows(_headerRow)]);
        }

        // Rows read before a later row or key widened the table are re-made with padding; the rest are used as built.
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_rows[i].Cells.Count < headers.Length)
            {
                _rows[i] = new SubmissionRow(_rows[i].Number, Pad((SubmissionCell[])_rows[i].Cells, headers.Length));
            }
        }

        foreach (var (row, column, text, cached) in _formulaCells)
        {
            var name = column < headers.Length ? headers[column] : SubmissionReadIssues.ColumnName(column);
            _issues.Add(SubmissionReadIssues.FormulaCell(row, name, cached ? text : string.Empty));
        }

        return new SubmissionTable(format, encoding, headers, _rows, _issues);
    }

    private void TakeHeader()
    {
        _headerRow = _currentRow;
        for (var i = 0; i <= _lastNonBlank; i++)
        {
            _headers.Add(_buffer[i].Text ?? string.Empty);
        }

        _width = _headers.Count;
    }

    private void TakeRow()
    {
        var width = Math.Max(_lastNonBlank + 1, _headers.Count);
        var cells = new SubmissionCell[width];
        for (var i = 0; i < width; i++)
        {
            // The buffer's untouched slots are default(SubmissionCell), whose Text is null, not Empty.
            cells[i] = i < _bufferUsed && _buffer[i].Text is not null ? _buffer[i] : SubmissionCell.Empty;
        }

        _rows.Add(new SubmissionRow(_currentRow, cells));
        _width = Math.Max(_width, _lastNonBlank + 1);
    }

    private void DropFormulaCellsWithValuesInRow()
    {
        // A blank row of formulas that evaluate to "" is template scaffolding, not data: only formulas without a
        // cached value (the data is lost, not empty) are worth a warning there.
        for (var i = _formulaCells.Count - 1; i >= _rowFormulaStart; i--)
        {
            if (_formulaCells[i].Cached)
            {
                _formulaCells.RemoveAt(i);
            }
        }
    }

    private string[] FinishHeaders()
    {
        var headers = new string[Math.Max(_width, _headers.Count)];
        for (var i = 0; i < headers.Length; i++)
        {
            var text = i < _headers.Count ? _headers[i] : string.Empty;
            headers[i] = text.Length == 0 ? SubmissionReadIssues.ColumnName(i) : text;
        }

        return headers;
    }

    private static SubmissionCell[] Pad(SubmissionCell[] cells, int width)
    {
        var padded = new SubmissionCell[width];
        cells.CopyTo(padded, 0);
        Array.Fill(padded, SubmissionCell.Empty, cells.Length, width - cells.Length);
        return padded;
    }
}
