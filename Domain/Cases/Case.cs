using GridCase.Domain.Catalog;

namespace GridCase.Domain.Cases;

/// <summary>
/// A reported problem (案件/诉求) on its way through the closed loop. The workflow decides what happens
/// next; the case guards what may happen to it and keeps the counters that assessment reads.
/// </summary>
public sealed class Case
{
    private Case() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Channel Channel { get; private set; }
    public CaseLocation Location { get; private set; } = new(null, null, null);
    public Reporter Reporter { get; private set; } = new(null, null);
    public CaseArea Area { get; private set; } = new("", "", "", "");
    public string? ItemCode { get; private set; }
    public CatalogSnapshot? Catalog { get; private set; }
    /// <summary>The owner department; with co-handlers, the lead (主办).</summary>
    public string? DepartmentCode { get; private set; }
    /// <summary>协办: departments that handle a part beside the lead, as the last dispatch named them.</summary>
    public List<string> CoHandlerCodes { get; private set; } = [];
    /// <summary>The level answering for the case in tiered handling; null for a case whose flow never placed it on one.</summary>
    public ResponsibleLevel? ResponsibleLevel { get; private set; }
    public CaseStage Stage { get; private set; }
    public CaseStatus Status { get; private set; }
    public CaseResolution? Resolution { get; private set; }
    public int DispatchRound { get; private set; }
    public int ReworkCount { get; private set; }
    public int ReturnCount { get; private set; }
    public int ReopenCount { get; private set; }
    public int LateWorkItems { get; private set; }
    /// <summary>How many sensor alerts this case stands for: the one that opened it and the repeats folded into it.</summary>
    public int AlertCount { get; private set; }
    public bool VerificationPassed { get; private set; }
    public Evaluation? Satisfaction { get; private set; }
    public Assessment? Assessment { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string ReportedBy { get; private set; } = "";
    /// <summary>并案: the master this report was merged into; it follows the master to its result.</summary>
    public Guid? MergedIntoId { get; private set; }
    public DateTimeOffset? MergedAt { get; private set; }
    /// <summary>How many reports were merged into this case (一事多诉 counts it).</summary>
    public int MergedReports { get; private set; }
    /// <summary>Changed on every write; a stale writer (a timer, a completion on another branch) loses with a conflict and retries.</summary>
    public Guid Version { get; set; }

    public static Case Report(
        string number, string title, string description, Channel channel, CaseLocation location,
        Reporter reporter, CaseArea area, string? itemCode, CatalogSnapshot? catalog, string reportedBy,
        DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(title)) errors["title"] = ["标题不能为空 / title is required"];
        else if (title.Length > 200) errors["title"] = ["标题最长 200 字 / title is at most 200 characters"];
        if (description.Length > 4000) errors["description"] = ["描述最长 4000 字 / description is at most 4000 characters"];
        if (errors.Count > 0) throw new DomainException("上报内容有误 / the report is invalid", errors);

        return new Case
        {
            Id = Guid.NewGuid(),
            Number = number,
            Title = title.Trim(),
            Description = description.Trim(),
            Channel = channel,
            Location = location,
            Reporter = reporter,
            Area = area,
            ItemCode = itemCode,
            Catalog = catalog,
            Stage = CaseStage.Discover,
            Status = CaseStatus.Open,
            DispatchRound = 1,
            ReportedAt = now,
            ReportedBy = reportedBy,
            Version = Guid.NewGuid(),
        };
    }

    public void EnterStage(CaseStage stage) => Stage = stage;

    /// <summary>立案: the case needs a catalog item from here on, given at intake or now.</summary>
    public void Accept(CatalogSnapshot? classifiedAs)
    {
        if (classifiedAs is not null)
        {
            ItemCode = classifiedAs.ItemCode;
            Catalog = classifiedAs;
        }
        if (Catalog is null)
            throw DomainException.Field("data.itemCode", "受理时必须选择事项小类 / accepting needs a catalog item (data.itemCode)");
    }

    public void Reject(DateTimeOffset now)
    {
        Status = CaseStatus.Rejected;
        Stage = CaseStage.Rejected;
        ClosedAt = now;
    }

    /// <summary>派遣 to the owner (the lead), with the co-handlers named now; a dispatch without them clears earlier ones.</summary>
    public void Dispatch(string departmentCode, IEnumerable<string>? coHandlerCodes = null)
    {
        var coHandlers = (coHandlerCodes ?? []).ToList();
        if (coHandlers.Contains(departmentCode))
            throw DomainException.Field("data.coHandlerCodes", "主办部门不能同时是协办部门 / the lead cannot also be a co-handler");
        if (coHandlers.Distinct().Count() != coHandlers.Count)
            throw DomainException.Field("data.coHandlerCodes", "协办部门重复 / a co-handler is named twice");
        DepartmentCode = departmentCode;
        CoHandlerCodes = coHandlers;
    }

    /// <summary>指定: the arbitrator names the owner; the case goes on with it, whatever the catalog said.</summary>
    public void Designate(string departmentCode)
    {
        if (Status is not CaseStatus.Open)
            throw new ConflictException($"案件已{(Status == CaseStatus.Cancelled ? "取消" : "结束")} / the case is {Status}");
        DepartmentCode = departmentCode;
    }

    /// <summary>The org unit of the case's area at its responsible level (its grid, community...), which that level's tasks go to.</summary>
    public string? ResponsibleOrgUnitCode => ResponsibleLevel switch
    {
        Cases.ResponsibleLevel.Grid => Area.GridCode,
        Cases.ResponsibleLevel.Community => Area.CommunityCode,
        Cases.ResponsibleLevel.Subdistrict => Area.SubdistrictCode,
        Cases.ResponsibleLevel.District => Area.DistrictCode,
        _ => null,
    };

    /// <summary>
    /// 上报: the case goes to <paramref name="to"/>, or one level up. A case on no level yet may be placed on any; one
    /// on a level only goes up, never down or sideways, and nothing is above the district. One level up from no level is
    /// the community: a case lies in its grid before anyone places it.
    /// </summary>
    /// <returns>The level the case was on before.</returns>
    public ResponsibleLevel? Escalate(ResponsibleLevel? to)
    {
        var from = ResponsibleLevel;
        var target = to ?? (from is { } level ? level + 1 : Cases.ResponsibleLevel.Community);
        if (!Enum.IsDefined(target))
            throw new ConflictException("案件已在区级，无法再上报 / the case is at district level already and cannot go higher");
        if (from is { } current && target <= current)
            throw new ConflictException($"案件已在 {current} 层级，只能向上报送 / the case is at {current} and can only go up, not to {target}");
        ResponsibleLevel = target;
        return from;
    }

    /// <summary>退单: the department says the case is not theirs; it goes back to dispatch.</summary>
    public void RecordReturn() => ReturnCount++;

    /// <summary>返工: verification failed on site; handling starts again.</summary>
    public void RecordRework()
    {
        ReworkCount++;
        VerificationPassed = false;
    }

    public void RecordVerificationPass() => VerificationPassed = true;

    public void RecordLateWorkItem() => LateWorkItems++;

    /// <summary>A sensor alert opened this case or repeated while it was open: one case, counted, never a new one per alert.</summary>
    public void RecordAlert()
    {
        if (Status is not CaseStatus.Open)
            throw new ConflictException($"案件已{Status}，告警不能再并入 / the case is {Status}; no alert folds into it");
        AlertCount++;
    }

    public void Close(DateTimeOffset now)
    {
        Status = CaseStatus.Closed;
        Stage = CaseStage.Close;
        ClosedAt = now;
    }

    public void Assess(DateTimeOffset now) =>
        Assessment = new Assessment(LateWorkItems == 0, LateWorkItems, ReworkCount, ReturnCount, DispatchRound, now, ResponsibleLevel, ReopenCount);

    public void Evaluate(Evaluation evaluation) => Satisfaction = evaluation;

    /// <summary>二次派单: the resident is not satisfied; the case reopens for another round of dispatch.</summary>
    public void StartSecondDispatch()
    {
        DispatchRound++;
        Status = CaseStatus.Open;
        ClosedAt = null;
        VerificationPassed = false;
    }

    /// <summary>
    /// 案结事未了: a supervisor reopens a finished case within <paramref name="window"/> after its closure. The result and
    /// the resident's verdict no longer hold; the flow's second dispatch then starts the next round.
    /// </summary>
    public void Reopen(DateTimeOffset now, TimeSpan window)
    {
        if (Status is CaseStatus.Closed && Stage is CaseStage.Evaluate)
            throw new ConflictException("案件尚待回访评价，群众不满意时将自动二次派单 / the case awaits its evaluation; an unsatisfied one is dispatched again by itself");
        if (Status is not CaseStatus.Closed || Stage is not CaseStage.Done || ClosedAt is not { } closedAt)
            throw new ConflictException($"只有已办结的案件可以重新打开（当前 {Status}/{Stage}）/ only a finished case can be reopened; this one is {Status} at {Stage}");
        if (now - closedAt > window)
            throw new ConflictException(
                $"结案已超过 {window.TotalDays:0.#} 天，不能重新打开 / closed more than {window.TotalDays:0.#} days ago: outside the reopen window");
        ReopenCount++;
        Resolution = null;
        Satisfaction = null;
    }

    /// <summary>Taken out of the loop by an admin: only an open case can be, and never twice.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status is not CaseStatus.Open)
            throw new ConflictException($"案件已{(Status == CaseStatus.Cancelled ? "取消" : "结束")}，不能取消 / the case is {Status} and cannot be cancelled");
        Status = CaseStatus.Cancelled;
        ClosedAt = now;
    }

    /// <summary>Whether the closure standard asks for the resident's own answer (回访): a default by timeout is not one.</summary>
    public bool NeedsResidentCallback => Catalog?.ClosureRequirements.Contains(ClosureRequirement.ResidentCallback) == true;

    public void Finish(CaseResolution resolution)
    {
        if (resolution == CaseResolution.Resolved && NeedsResidentCallback && Satisfaction is null)
            throw new DomainException(
                "结案标准要求回访群众 / the closure standard needs the resident's answer in a callback",
                new Dictionary<string, string[]> { ["closureRequirements"] = ["ResidentCallback"] });
        Resolution = resolution;
        Stage = CaseStage.Done;
        Status = CaseStatus.Closed;
    }

    /// <summary>
    /// 并案: a report still waiting for acceptance joins <paramref name="master"/>, which must be a live or closed case
    /// that is no merged report itself. It leaves the loop and waits for the master's result.
    /// </summary>
    public void MergeInto(Case master, DateTimeOffset now)
    {
        if (master.Id == Id)
            throw DomainException.Field("masterCaseId", "不能与自身合并 / a case cannot be merged into itself");
        if (MergedIntoId is not null)
            throw new ConflictException("案件已并入其他案件 / the case is already merged");
        if (Stage != CaseStage.Accept || Status != CaseStatus.Open)
            throw new ConflictException($"案件不在受理环节（{Stage}/{Status}），不能并案 / only a case at acceptance can be merged");
        if (master.MergedIntoId is not null)
            throw new ConflictException("主案件本身已被并案 / the master is itself merged into another case");
        if (master.Status is not (CaseStatus.Open or CaseStatus.Closed))
            throw new ConflictException($"主案件已{master.Status}，不能并入 / the master is {master.Status} and takes no merged report");
        MergedIntoId = master.Id;
        MergedAt = now;
        Stage = CaseStage.Merged;
        master.MergedReports++;
    }

    /// <summary>A merged report ends as its master ended: same status and result, no check of its own.</summary>
    public void FollowMaster(CaseStatus status, CaseResolution? resolution, DateTimeOffset now)
    {
        Status = status;
        Resolution = resolution;
        Stage = status == CaseStatus.Rejected ? CaseStage.Rejected : CaseStage.Done;
        ClosedAt = now;
    }
}
