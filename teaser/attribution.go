package teaser

// attributionVerbs introduce reported speech or opinion.
var attributionVerbs = setOf(`said says say suggest suggests suggested believe believes believed argue argues
	argued warn warns warned note notes noted claim claims claimed report reports reported think thinks thought
	insist insists insisted stress stresses stressed explain explains explained add adds added told tell tells
	confirmed confirm confirms announced announce announces reveal reveals revealed estimate estimates estimated
	predict predicts predicted fear fears feared hope hopes hoped acknowledged admitted admit admits wrote
	according`)

var pronouns = setOf(`he she they it we i you his her their its this these those there`)
