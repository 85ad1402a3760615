# bash completion for nanobanana-cli. Commands and options come from the CLI's own --help
# at completion time, so they follow the installed version and cannot drift.

_nanobanana_cli_options() { # the "--name" rows of a help text
    sed -n 's/^  \(--[a-z-]*\).*/\1/p' <<<"$1"
}

_nanobanana_cli() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local cli=${COMP_WORDS[0]} cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --server | --profile) ((i++)) ;;
        -*) ;;
        *) cmd=${COMP_WORDS[i]} && break ;;
        esac
    done
    local IFS=$'\n'
    case $prev in
    --profile | --out)
        COMPREPLY=($(compgen -d -- "$cur"))
        return
        ;;
    --ref | --image)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    --server | --phone | --code | --token | --limit | --search | --character | --template)
        return
        ;;
    esac
    local help
    if [[ -z $cmd ]]; then
        help=$(LC_ALL=C "$cli" --help 2>/dev/null)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(_nanobanana_cli_options "$help")" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(sed -n '/^commands:/,/^$/s/^  \([a-z]\+\).*/\1/p' \
                <<<"$help")" -- "$cur"))
        fi
    elif [[ $cur == -* ]]; then
        help=$(LC_ALL=C "$cli" "$cmd" --help 2>/dev/null)
        COMPREPLY=($(compgen -W "$(_nanobanana_cli_options "$help")"$'\n--json\n--help' \
            -- "$cur"))
    elif [[ $cmd == export ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
    fi
}
complete -F _nanobanana_cli nanobanana-cli
