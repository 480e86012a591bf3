# Idiom seen in: ajpkim/AlphaConnect alpha_loss.py
# What it reproduces: the AlphaZero loss (z - v)^2 - pi^T log p + c*||theta||^2. The repo left the L2 to the
#   optimizer's weight_decay; here the user moves it into the loss as in the paper and copies the minus sign of the
#   policy term: the L2 term is subtracted, so training grows the weights (realistic mistake in the repo's idiom).
import torch


class AlphaLoss(torch.nn.Module):
    def __init__(self, c=1e-4):
        super(AlphaLoss, self).__init__()
        self.c = c

    def forward(self, Z, Pi, V, P, net):
        """
        Args:
            - Z: game outcome
            - Pi: action probabilities derived from MCTS
            - V: state value predicted by network
            - P: action probabilities predicted by network
            - net: the network, for the L2 term
        """
        value_loss = ((Z - V.view(-1)) ** 2).mean()
        policy_term = torch.sum(Pi * P.clamp_min(1e-8).log(), dim=1).mean()
        l2 = sum(p.pow(2).sum() for p in net.parameters())
        return value_loss - policy_term - self.c * l2  # expect: WD302
