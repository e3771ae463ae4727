/**
 * Common first names in the UK (ONS baby-name lists across generations, and names common in the UK's larger
 * communities). Used only where nothing else says a line is a signature: a last line "Jane Smith" counts as a
 * name when "Jane" is a known first name, so "Northern Powerhouse Rail" on a line of its own does not.
 */
const NAMES = `
aaliyah aaron abbie abdul abdullah abigail abu adam adaeze adebayo adele adrian agnes ahmad ahmed aidan aiden aisha aleksandra
alex alexander alexandra alfie ali alice alicia alison amal amanda amber amelia amina amir amit amy ana andrea andrew
andy angela anil anita ann anna anne annie anthony anton archie arjun arthur asha ashley aston aurora ava ayesha barbara
barry beatrice bella ben benjamin beth bethany bilal bill billy bob bobby brenda brian bridget callum cameron carl carla
carol caroline carys catherine charlie charles charlotte chen chidi chinedu chioma chloe chris christine christopher
claire clare colin connor craig daisy dale damian daniel danielle darren dave david dawn dean debbie deborah declan deepak
denise dennis derek diana diane dominic donna dorothy douglas duncan dylan ed eddie edward eileen elaine eleanor elena eli
elijah elizabeth ella ellie elliot elsie emeka emily emma eric erin ethan eva evan evelyn evie fatima faye felix fiona
florence frances francesca frank freddie freya gabriel gareth gary gemma geoff geoffrey george georgia gerald gillian
glen gordon grace graham hamza hannah harriet harry harvey hassan hayley hazel heather helen henry holly hugh hussain
ian ibrahim imran isaac isabel isabella isabelle isla ivy jack jackie jacob jade jake james jamie jan jane janet jasmine
jason jay jayden jean jeff jennifer jenny jeremy jess jessica jim jimmy jo joan joanna joanne joe joel john jon jonathan
jordan joseph josh joshua joy joyce judith julia julie june justin kamal karen kate katherine kathleen kathryn katie kay
keith kelly ken kerry kevin khadija kieran kim kirsty kyle laura lauren layla leah lee leo leon lewis liam lily linda lisa
logan lola louis louise lucas lucy luke lydia lynn maddison maisie malcolm mandy margaret maria marie mark martin mary
maryam matilda matt matthew maureen max maya megan mehmet mei melanie melissa mia michael michelle mike mila mildred millie
mohamed mohammad mohammed molly muhammad nadia naomi natalie natasha nathan neil nia nicholas nick nicola nicole nigel
nikhil nina noah noor norman oliver olivia omar oscar owen paige pamela patricia patrick paul pauline penny peter philip
phoebe pooja poppy priya rachel rahul raj rajesh ravi rebecca reece rhys richard rob robert robin rory rosa rose rosie ross
ruby russell ruth ryan sadia sally sam samantha samuel sana sandra sanjay sara sarah scarlett scott sean seb sebastian
shabana shannon sharon shaun sheila shirley simon sinead siobhan sofia sonia sophia sophie stacey stanley stella stephanie
stephen steve steven stuart sue summer susan suzanne tanya teresa terry thea theo theodore thomas tim timothy toby tom
tommy tony tracey tracy trevor tyler valerie vanessa vera veronica victor victoria vikram vincent violet wendy wei william
willow xavier yasmin yusuf yvonne zac zach zachary zainab zara zoe
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
