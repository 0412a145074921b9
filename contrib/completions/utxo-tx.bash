# bash completion for utxo-tx. Source it, or install it as
# /usr/share/bash-completion/completions/utxo-tx.
_utxo_tx() {
    local cur="${COMP_WORDS[COMP_CWORD]}"
    case "$cur" in
        -chain=*)
            COMPREPLY=($(compgen -W "main test testnet4 signet regtest" -- "${cur#-chain=}"))
            return 0 ;;
        -*)
            COMPREPLY=($(compgen -W "-json -txid -chain= -regtest -signet -testnet -testnet4 -version -help" -- "$cur"))
            [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace
            return 0 ;;
    esac
}
complete -F _utxo_tx utxo-tx
