# Idiom seen in: yul091/ANS mf/model.py
# Idiom seen in: yul091/ANS main.py
# What it reproduces: the real double decay of ANS MF._explicit: the optimizer class picked from --optim
# (default Adagrad here, as the repo run scripts pass) gets weight_decay=args.l2 AND the same args.l2
# is added to the loss as l2 * sum(p_u**2) + l2 * sum(q_i**2) on the looked-up embeddings.
import torch
from tqdm import tqdm


class MF(torch.nn.Module):
    """Matrix factorisation y' = p_u . q_i"""

    def __init__(self, args):
        super(MF, self).__init__()
        self.args = args
        self.num_users = getattr(args, "num_users")
        self.num_items = getattr(args, "num_items")
        self.hidden_dim = getattr(args, "hidden_dim")
        self.embed_user = torch.nn.Embedding(self.num_users + 1, self.hidden_dim)
        self.embed_item = torch.nn.Embedding(self.num_items + 1, self.hidden_dim)
        self.embed_user.weight.data.normal_(0, .01)
        self.embed_item.weight.data.normal_(0, .01)

    def forward(self, user_indices, item_indices):
        self.p_u = self.embed_user(user_indices)
        self.q_i = self.embed_item(item_indices)
        return (self.p_u * self.q_i).sum(-1)

    def reg_loss(self, l2):
        if l2 == 0:
            return 0, 0
        return l2 * (self.p_u ** 2).sum(), l2 * (self.q_i ** 2).sum()  # expect: WD201

    def fit(self, train, valid=None, args=None):
        optimizer = args.optim(self.parameters(), lr=args.lr, weight_decay=args.l2)  # expect: WD202
        criterion = args.loss
        self.train()
        for epoch in range(args.epochs):
            dataloader = train.build(args.sampling, batch_size=args.batch_size, device=args.device, shuffle=True)
            for batch in tqdm(dataloader, desc="Epoch %d" % (epoch + 1)):
                optimizer.zero_grad()
                r = batch[-1]
                r_ = self.forward(*batch[:-1])
                reg_u, reg_i = self.reg_loss(args.l2)
                loss = criterion(r_, r) + reg_u + reg_i
                loss.backward()
                optimizer.step()
            print("training loss:", loss.item())
            if valid is not None:
                self.evaluate(valid, args)

    @torch.no_grad()
    def evaluate(self, valid, args):
        self.eval()
        users, items, ratings = valid.tensors(device=args.device)
        rmse = torch.sqrt(((self.forward(users, items) - ratings) ** 2).mean())
        print("valid rmse: %.4f" % rmse.item())
        self.train()
